-- CreateEnum
CREATE TYPE "TopUpState" AS ENUM ('open', 'processing', 'paid', 'failed');

-- CreateTable
CREATE TABLE "TopUp" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "requestToken" TEXT NOT NULL,
    "amountMicros" BIGINT NOT NULL,
    "state" "TopUpState" NOT NULL DEFAULT 'open',
    "stripeSessionId" TEXT,
    "stripePaymentIntentId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "paidAt" TIMESTAMP(3),

    CONSTRAINT "TopUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeEvent" (
    "id" TEXT NOT NULL,
    "type" TEXT NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "StripeDispute" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "amountMicros" BIGINT NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "StripeDispute_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "TopUp_stripeSessionId_key" ON "TopUp"("stripeSessionId");

-- CreateIndex
CREATE UNIQUE INDEX "TopUp_stripePaymentIntentId_key" ON "TopUp"("stripePaymentIntentId");

-- CreateIndex
CREATE INDEX "TopUp_accountId_createdAt_idx" ON "TopUp"("accountId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "TopUp_accountId_requestToken_key" ON "TopUp"("accountId", "requestToken");

-- CreateIndex
CREATE INDEX "StripeDispute_accountId_idx" ON "StripeDispute"("accountId");

-- AddForeignKey
ALTER TABLE "TopUp" ADD CONSTRAINT "TopUp_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "StripeDispute" ADD CONSTRAINT "StripeDispute_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- A refund or a lost dispute debits money already spent: the balance may go below zero, and then
-- reserve() (a conditional update on availableMicros >= price) refuses new tasks with 402.
ALTER TABLE "Wallet" DROP CONSTRAINT "Wallet_available_nonnegative";
