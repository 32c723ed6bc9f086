-- CreateIndex
CREATE INDEX "TaskAttempt_providerSlug_createdAt_idx" ON "TaskAttempt"("providerSlug", "createdAt");
