-- CreateSchema
CREATE SCHEMA IF NOT EXISTS "public";

-- CreateEnum
CREATE TYPE "Modality" AS ENUM ('image', 'video', 'audio', 'text');

-- CreateEnum
CREATE TYPE "ModelTask" AS ENUM ('text_to_image', 'image_to_image', 'edit');

-- CreateEnum
CREATE TYPE "VariantStatus" AS ENUM ('operational', 'maintenance', 'disabled');

-- CreateTable
CREATE TABLE "Provider" (
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "website" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "isUpstream" BOOLEAN NOT NULL DEFAULT false,

    CONSTRAINT "Provider_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "ModelFamily" (
    "slug" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "providerSlug" TEXT NOT NULL,
    "description" TEXT NOT NULL,

    CONSTRAINT "ModelFamily_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "Variant" (
    "slug" TEXT NOT NULL,
    "familySlug" TEXT NOT NULL,
    "displayName" TEXT NOT NULL,
    "modality" "Modality" NOT NULL,
    "task" "ModelTask" NOT NULL,
    "resolutionTier" TEXT,
    "priceMicros" BIGINT NOT NULL,
    "referencePriceMicros" BIGINT,
    "referenceSource" TEXT,
    "parameters" JSONB NOT NULL,
    "status" "VariantStatus" NOT NULL DEFAULT 'operational',
    "releaseDate" DATE NOT NULL,
    "description" TEXT NOT NULL,
    "useCases" TEXT[],
    "relatedSlugs" TEXT[],
    "featured" BOOLEAN NOT NULL DEFAULT false,
    "sortOrder" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Variant_pkey" PRIMARY KEY ("slug")
);

-- CreateTable
CREATE TABLE "VariantAlias" (
    "alias" TEXT NOT NULL,
    "variantSlug" TEXT NOT NULL,

    CONSTRAINT "VariantAlias_pkey" PRIMARY KEY ("alias")
);

-- CreateTable
CREATE TABLE "Route" (
    "id" TEXT NOT NULL,
    "variantSlug" TEXT NOT NULL,
    "providerSlug" TEXT NOT NULL,
    "upstreamModel" TEXT NOT NULL,
    "priority" INTEGER NOT NULL,
    "upstreamCostMicros" BIGINT NOT NULL,

    CONSTRAINT "Route_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ModelFamily_providerSlug_idx" ON "ModelFamily"("providerSlug");

-- CreateIndex
CREATE INDEX "Variant_familySlug_idx" ON "Variant"("familySlug");

-- CreateIndex
CREATE INDEX "VariantAlias_variantSlug_idx" ON "VariantAlias"("variantSlug");

-- CreateIndex
CREATE UNIQUE INDEX "Route_variantSlug_providerSlug_key" ON "Route"("variantSlug", "providerSlug");

-- AddForeignKey
ALTER TABLE "ModelFamily" ADD CONSTRAINT "ModelFamily_providerSlug_fkey" FOREIGN KEY ("providerSlug") REFERENCES "Provider"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Variant" ADD CONSTRAINT "Variant_familySlug_fkey" FOREIGN KEY ("familySlug") REFERENCES "ModelFamily"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "VariantAlias" ADD CONSTRAINT "VariantAlias_variantSlug_fkey" FOREIGN KEY ("variantSlug") REFERENCES "Variant"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Route" ADD CONSTRAINT "Route_variantSlug_fkey" FOREIGN KEY ("variantSlug") REFERENCES "Variant"("slug") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Route" ADD CONSTRAINT "Route_providerSlug_fkey" FOREIGN KEY ("providerSlug") REFERENCES "Provider"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;
