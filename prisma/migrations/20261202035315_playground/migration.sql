-- CreateTable
CREATE TABLE "PlaygroundRun" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "userId" TEXT,
    "guestId" TEXT,
    "prompt" TEXT NOT NULL,
    "settings" JSONB NOT NULL,
    "mode" "KeyMode" NOT NULL,
    "blind" BOOLEAN NOT NULL DEFAULT false,
    "winnerPaneId" TEXT,
    "note" TEXT NOT NULL DEFAULT '',
    "shareId" TEXT,
    "sharedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlaygroundRun_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PlaygroundPane" (
    "id" TEXT NOT NULL,
    "runId" TEXT NOT NULL,
    "position" INTEGER NOT NULL,
    "blindSlot" INTEGER NOT NULL,
    "variantSlug" TEXT NOT NULL,
    "label" TEXT,
    "params" JSONB NOT NULL,
    "promptAddition" TEXT,
    "notes" TEXT[],
    "taskId" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PlaygroundPane_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PlaygroundRun_shareId_key" ON "PlaygroundRun"("shareId");

-- CreateIndex
CREATE INDEX "PlaygroundRun_accountId_createdAt_idx" ON "PlaygroundRun"("accountId", "createdAt" DESC);

-- CreateIndex
CREATE UNIQUE INDEX "PlaygroundPane_taskId_key" ON "PlaygroundPane"("taskId");

-- CreateIndex
CREATE UNIQUE INDEX "PlaygroundPane_runId_position_key" ON "PlaygroundPane"("runId", "position");

-- AddForeignKey
ALTER TABLE "PlaygroundRun" ADD CONSTRAINT "PlaygroundRun_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaygroundPane" ADD CONSTRAINT "PlaygroundPane_runId_fkey" FOREIGN KEY ("runId") REFERENCES "PlaygroundRun"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PlaygroundPane" ADD CONSTRAINT "PlaygroundPane_taskId_fkey" FOREIGN KEY ("taskId") REFERENCES "Task"("id") ON DELETE SET NULL ON UPDATE CASCADE;
