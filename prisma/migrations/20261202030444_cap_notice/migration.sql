-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "capNotifiedDay" TEXT;
