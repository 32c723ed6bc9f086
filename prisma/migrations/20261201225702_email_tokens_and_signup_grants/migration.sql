-- CreateEnum
CREATE TYPE "EmailTokenPurpose" AS ENUM ('verify_email', 'reset_password');

-- CreateTable
CREATE TABLE "EmailToken" (
    "tokenHash" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "purpose" "EmailTokenPurpose" NOT NULL,
    "expiresAt" TIMESTAMP(3) NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "EmailToken_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "SignupGrant" (
    "canonicalEmail" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "amountMicros" BIGINT NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignupGrant_pkey" PRIMARY KEY ("canonicalEmail")
);

-- CreateIndex
CREATE INDEX "EmailToken_userId_purpose_idx" ON "EmailToken"("userId", "purpose");

-- CreateIndex
CREATE INDEX "SignupGrant_createdAt_idx" ON "SignupGrant"("createdAt");

-- AddForeignKey
ALTER TABLE "EmailToken" ADD CONSTRAINT "EmailToken_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Grants made before this table existed count as given: the same inbox does not get a second one.
-- The canonical form matches lib/auth/canonical-email.ts (lower case, plus tag dropped, Gmail dots
-- dropped, googlemail.com as gmail.com).
INSERT INTO "SignupGrant" ("canonicalEmail", "accountId", "amountMicros", "createdAt")
SELECT DISTINCT ON (canonical) canonical, "accountId", "amountMicros", "createdAt"
FROM (
  SELECT l."accountId", l."amountMicros", l."createdAt",
    CASE WHEN split_part(lower(u.email), '@', 2) IN ('gmail.com', 'googlemail.com')
      THEN replace(split_part(split_part(lower(u.email), '@', 1), '+', 1), '.', '') || '@gmail.com'
      ELSE split_part(split_part(lower(u.email), '@', 1), '+', 1) || '@' || split_part(lower(u.email), '@', 2)
    END AS canonical
  FROM "LedgerEntry" l
  JOIN "Membership" m ON m."accountId" = l."accountId" AND m.role = 'owner'
  JOIN "User" u ON u.id = m."userId"
  WHERE l.kind = 'grant' AND l."externalRef" = 'signup:' || l."accountId"
) grants
ORDER BY canonical, "createdAt"
ON CONFLICT DO NOTHING;
