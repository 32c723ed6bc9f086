-- CreateEnum
CREATE TYPE "CredentialCheck" AS ENUM ('ok', 'refused', 'no_credit', 'inconclusive');

-- AlterTable
ALTER TABLE "Task" ADD COLUMN     "byokFallback" BOOLEAN NOT NULL DEFAULT false,
ADD COLUMN     "byokFeeMicros" BIGINT,
ADD COLUMN     "byokUsed" BOOLEAN NOT NULL DEFAULT false;

-- CreateTable
CREATE TABLE "ProviderCredential" (
    "id" TEXT NOT NULL,
    "accountId" TEXT NOT NULL,
    "providerSlug" TEXT NOT NULL,
    "ciphertext" BYTEA NOT NULL,
    "iv" BYTEA NOT NULL,
    "authTag" BYTEA NOT NULL,
    "keyId" TEXT NOT NULL,
    "hint" TEXT NOT NULL,
    "checkedAt" TIMESTAMP(3),
    "checkOutcome" "CredentialCheck",
    "checkMessage" TEXT,
    "allowFallback" BOOLEAN NOT NULL DEFAULT false,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ProviderCredential_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "ProviderCredential_accountId_providerSlug_key" ON "ProviderCredential"("accountId", "providerSlug");

-- AddForeignKey
ALTER TABLE "ProviderCredential" ADD CONSTRAINT "ProviderCredential_accountId_fkey" FOREIGN KEY ("accountId") REFERENCES "Account"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ProviderCredential" ADD CONSTRAINT "ProviderCredential_providerSlug_fkey" FOREIGN KEY ("providerSlug") REFERENCES "Provider"("slug") ON DELETE RESTRICT ON UPDATE CASCADE;

-- lumigate_create_task also records whether the task may run on the account's own credential: the
-- platform fee it then costs, and whether the platform's credentials may stand in (p_price is then
-- the full price held, else only the fee).
DROP FUNCTION lumigate_create_task(text, text, text, text, text, text, text, jsonb, int, int, bigint, text, boolean,
  timestamp, text, text, text, text);

CREATE FUNCTION lumigate_create_task(
  p_id text, p_account_id text, p_key_id text, p_variant_slug text, p_model text, p_mode text, p_surface text,
  p_input jsonb, p_width int, p_height int, p_price bigint, p_callback_url text, p_simulated boolean,
  p_deadline timestamp, p_day text, p_month text, p_entry_id text, p_idempotency_key text,
  p_byok_fee bigint, p_byok_fallback boolean
) RETURNS void LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "Account" SET "inFlightTasks" = "inFlightTasks" + 1
  WHERE "id" = p_account_id AND "inFlightTasks" < "maxInFlightTasks";
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'LG430', MESSAGE = 'in_flight';
  END IF;
  INSERT INTO "Task" ("id", "accountId", "apiKeyId", "variantSlug", "modelRequested", "mode", "surface", "input",
    "width", "height", "priceMicros", "callbackUrl", "simulated", "deadlineAt", "updatedAt", "byokFeeMicros", "byokFallback")
  VALUES (p_id, p_account_id, p_key_id, p_variant_slug, p_model, p_mode::"KeyMode", p_surface::"TaskSurface", p_input,
    p_width, p_height, p_price, p_callback_url, p_simulated, p_deadline, now(), p_byok_fee, p_byok_fallback);
  IF p_price > 0 THEN
    PERFORM lumigate_reserve(p_id, p_account_id, p_key_id, p_price, p_day, p_month, p_entry_id);
  END IF;
  PERFORM graphile_worker.add_job('task_submit', json_build_object('taskId', p_id), max_attempts => 25,
    job_key => 'submit:' || p_id);
  IF p_idempotency_key IS NOT NULL THEN
    UPDATE "IdempotencyKey" SET "state" = 'done',
      "response" = jsonb_build_object('ok', true, 'data', jsonb_build_object('taskId', p_id))
    WHERE "accountId" = p_account_id AND "key" = p_idempotency_key AND "state" = 'pending';
  END IF;
END $$;
