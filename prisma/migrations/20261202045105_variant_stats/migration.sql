-- CreateTable
CREATE TABLE "VariantStats" (
    "variantSlug" TEXT NOT NULL,
    "requests" INTEGER NOT NULL,
    "successes" INTEGER NOT NULL,
    "medianLatencyMs" INTEGER,
    "daily" JSONB NOT NULL,
    "computedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "VariantStats_pkey" PRIMARY KEY ("variantSlug")
);

-- CreateIndex
CREATE INDEX "Task_createdAt_idx" ON "Task"("createdAt");
