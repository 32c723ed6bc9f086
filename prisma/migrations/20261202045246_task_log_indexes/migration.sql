-- CreateIndex
CREATE INDEX "Task_accountId_variantSlug_createdAt_idx" ON "Task"("accountId", "variantSlug", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Task_accountId_apiKeyId_createdAt_idx" ON "Task"("accountId", "apiKeyId", "createdAt" DESC);

-- CreateIndex
CREATE INDEX "Task_accountId_state_createdAt_idx" ON "Task"("accountId", "state", "createdAt" DESC);
