-- AlterTable
ALTER TABLE "User" ADD COLUMN     "deletedAt" TIMESTAMP(3);

-- AlterTable
ALTER TABLE "Account" ADD COLUMN     "closedAt" TIMESTAMP(3);

-- CreateTable
CREATE TABLE "VariantExample" (
    "variantSlug" TEXT NOT NULL,
    "mediaId" TEXT NOT NULL,
    "storageKey" TEXT NOT NULL,
    "thumbKey" TEXT NOT NULL,
    "contentType" TEXT NOT NULL,
    "width" INTEGER NOT NULL,
    "height" INTEGER NOT NULL,
    "sourceTaskId" TEXT NOT NULL,
    "prompt" TEXT NOT NULL,
    "pinnedByUserId" TEXT NOT NULL,
    "pinnedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "VariantExample_pkey" PRIMARY KEY ("variantSlug")
);

-- CreateIndex
CREATE UNIQUE INDEX "VariantExample_mediaId_key" ON "VariantExample"("mediaId");

-- AddForeignKey
ALTER TABLE "VariantExample" ADD CONSTRAINT "VariantExample_variantSlug_fkey" FOREIGN KEY ("variantSlug") REFERENCES "Variant"("slug") ON DELETE CASCADE ON UPDATE CASCADE;
