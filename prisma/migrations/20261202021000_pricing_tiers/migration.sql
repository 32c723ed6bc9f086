-- Volume tiers (lib/billing/tiers.ts): the price of a task is decided in the statement that holds
-- it. The caller passes the variant's price in each tier and where each tier above the first starts;
-- the function picks one by the account's month-to-date spend (its SpendWindow, holds included).
-- The spend is read after the account row is locked by the in-flight UPDATE, so concurrent creates
-- of one account take turns and each sees the spend of those committed before it.

-- The insufficient-credits refusal names the amount asked, which the caller no longer knows beforehand.
CREATE OR REPLACE FUNCTION lumigate_reserve(
  p_task_id text, p_account_id text, p_key_id text, p_amount bigint, p_day text, p_month text, p_entry_id text
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_daily bigint;
  v_monthly bigint;
  v_key_account text;
  v_key_cap bigint;
  v_key_root text;
BEGIN
  SELECT a."dailyCapMicros", a."monthlyCapMicros" INTO v_daily, v_monthly
  FROM "Account" a JOIN "Wallet" w ON w."accountId" = a."id" WHERE a."id" = p_account_id;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'LG404', MESSAGE = 'no_account';
  END IF;
  IF p_key_id IS NOT NULL THEN
    -- A rolled key shares the daily window of the first key in its roll chain.
    WITH RECURSIVE chain AS (
      SELECT "id", "rolledFromId", "accountId", "dailyCapMicros", 0 AS depth FROM "ApiKey" WHERE "id" = p_key_id
      UNION ALL
      SELECT k."id", k."rolledFromId", k."accountId", k."dailyCapMicros", c.depth + 1
      FROM "ApiKey" k JOIN chain c ON k."id" = c."rolledFromId"
    )
    SELECT c."accountId", c."dailyCapMicros", COALESCE((SELECT "id" FROM chain WHERE "rolledFromId" IS NULL LIMIT 1), p_key_id)
    INTO v_key_account, v_key_cap, v_key_root
    FROM chain c WHERE c.depth = 0;
    IF v_key_account IS DISTINCT FROM p_account_id THEN
      RAISE EXCEPTION USING ERRCODE = 'LG404', MESSAGE = 'no_key';
    END IF;
  END IF;

  UPDATE "Wallet" SET "availableMicros" = "availableMicros" - p_amount, "reservedMicros" = "reservedMicros" + p_amount,
    "updatedAt" = now()
  WHERE "accountId" = p_account_id AND "availableMicros" >= p_amount;
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'LG402', MESSAGE = 'insufficient_credits', DETAIL = p_amount::text;
  END IF;
  PERFORM lumigate_add_to_window('account:' || p_account_id, p_day, p_amount, v_daily, 'daily_cap');
  PERFORM lumigate_add_to_window('account:' || p_account_id, p_month, p_amount, v_monthly, 'monthly_cap');
  IF p_key_id IS NOT NULL THEN
    PERFORM lumigate_add_to_window('key:' || v_key_root, p_day, p_amount, v_key_cap, 'key_cap');
  END IF;

  INSERT INTO "Hold" ("taskId", "accountId", "apiKeyId", "amountMicros", "day", "month")
  VALUES (p_task_id, p_account_id, p_key_id, p_amount, p_day, p_month);
  INSERT INTO "LedgerEntry" ("id", "accountId", "kind", "amountMicros", "reservedDeltaMicros", "taskId", "apiKeyId")
  VALUES (p_entry_id, p_account_id, 'hold', 0, p_amount, p_task_id, p_key_id);
END $$;

DROP FUNCTION lumigate_create_task(text, text, text, text, text, text, text, jsonb, int, int, bigint, text, boolean,
  timestamp, text, text, text, text, bigint, boolean);

-- p_tier_prices NULL: p_price is the price (test keys, a BYOK fee alone, pass-through pricing).
-- Otherwise p_tier_prices has one more entry than p_tier_thresholds (ascending) and p_price is unused.
CREATE FUNCTION lumigate_create_task(
  p_id text, p_account_id text, p_key_id text, p_variant_slug text, p_model text, p_mode text, p_surface text,
  p_input jsonb, p_width int, p_height int, p_price bigint, p_callback_url text, p_simulated boolean,
  p_deadline timestamp, p_day text, p_month text, p_entry_id text, p_idempotency_key text,
  p_byok_fee bigint, p_byok_fallback boolean, p_tier_prices bigint[], p_tier_thresholds bigint[]
) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  v_price bigint := p_price;
  v_spent bigint;
BEGIN
  UPDATE "Account" SET "inFlightTasks" = "inFlightTasks" + 1
  WHERE "id" = p_account_id AND "inFlightTasks" < "maxInFlightTasks";
  IF NOT FOUND THEN
    RAISE EXCEPTION USING ERRCODE = 'LG430', MESSAGE = 'in_flight';
  END IF;
  IF p_tier_prices IS NOT NULL THEN
    SELECT COALESCE((SELECT "spentMicros" FROM "SpendWindow"
      WHERE "scope" = 'account:' || p_account_id AND "period" = p_month), 0) INTO v_spent;
    v_price := p_tier_prices[1 + (SELECT count(*) FROM unnest(p_tier_thresholds) t WHERE t <= v_spent)];
  END IF;
  INSERT INTO "Task" ("id", "accountId", "apiKeyId", "variantSlug", "modelRequested", "mode", "surface", "input",
    "width", "height", "priceMicros", "callbackUrl", "simulated", "deadlineAt", "updatedAt", "byokFeeMicros", "byokFallback")
  VALUES (p_id, p_account_id, p_key_id, p_variant_slug, p_model, p_mode::"KeyMode", p_surface::"TaskSurface", p_input,
    p_width, p_height, v_price, p_callback_url, p_simulated, p_deadline, now(), p_byok_fee, p_byok_fallback);
  IF v_price > 0 THEN
    PERFORM lumigate_reserve(p_id, p_account_id, p_key_id, v_price, p_day, p_month, p_entry_id);
  END IF;
  PERFORM graphile_worker.add_job('task_submit', json_build_object('taskId', p_id), max_attempts => 25,
    job_key => 'submit:' || p_id);
  IF p_idempotency_key IS NOT NULL THEN
    UPDATE "IdempotencyKey" SET "state" = 'done',
      "response" = jsonb_build_object('ok', true, 'data', jsonb_build_object('taskId', p_id))
    WHERE "accountId" = p_account_id AND "key" = p_idempotency_key AND "state" = 'pending';
  END IF;
END $$;
