-- CreateEnum
CREATE TYPE "AutoRechargeState" AS ENUM ('pending', 'succeeded', 'failed');

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "autoRechargeAmountMicros" BIGINT,
ADD COLUMN     "autoRechargeEnabled" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "autoRechargeFailure" TEXT,
ADD COLUMN     "autoRechargeThresholdMicros" BIGINT,
ADD COLUMN     "cardBrand" TEXT,
ADD COLUMN     "cardLast4" TEXT,
ADD COLUMN     "lastAutoRechargeAt" TIMESTAMP(3),
ADD COLUMN     "lowBalanceNotifiedAt" TIMESTAMP(3),
ADD COLUMN     "notifyBelowMicros" BIGINT,
ADD COLUMN     "stripeCustomerId" TEXT,
ADD COLUMN     "stripePaymentMethodId" TEXT;

-- CreateTable
CREATE TABLE "AutoRechargeAttempt" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "amountMicros" BIGINT NOT NULL,
    "state" "AutoRechargeState" NOT NULL DEFAULT 'pending',
    "stripePaymentIntentId" TEXT,
    "failureCode" TEXT,
    "failureMessage" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "finishedAt" TIMESTAMP(3),

    CONSTRAINT "AutoRechargeAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "AutoRechargeAttempt_stripePaymentIntentId_key" ON "AutoRechargeAttempt"("stripePaymentIntentId");

-- CreateIndex
CREATE INDEX "AutoRechargeAttempt_accountId_createdAt_idx" ON "AutoRechargeAttempt"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Account_stripeCustomerId_key" ON "Account"("stripeCustomerId");

-- AddForeignKey
ALTER TABLE "AutoRechargeAttempt" ADD CONSTRAINT "AutoRechargeAttempt_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;
-- AlterTable
ALTER TABLE "AutoRechargeAttempt" ADD COLUMN     "stripeCustomerId" TEXT NOT NULL,
ADD COLUMN     "stripePaymentMethodId" TEXT NOT NULL;
