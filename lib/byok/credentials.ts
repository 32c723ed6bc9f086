import "server-only";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { resolveEndpoint } from "@/lib/providers/endpoints";
import { consume } from "@/lib/ratelimit";
import { checkCredential } from "./check";
import { open, seal, SecretUnreadableError } from "./crypto";
import { byokEncryptionKey } from "./key-file";
import { byokProvider, byokProviders, type ByokProvider } from "./providers";
import type { CheckResult, CredentialView } from "./view";

type Tx = Prisma.TransactionClient;

const sealedFields = { id: true, accountId: true, providerSlug: true, ciphertext: true, iv: true, authTag: true, keyId: true } as const;
type SealedRow = Prisma.ProviderCredentialGetPayload<{ select: typeof sealedFields }>;

/** What the ciphertext is bound to: the row's account and upstream. */
const additionalData = (accountId: string, providerSlug: string) => `${accountId}:${providerSlug}`;

function providerOrThrow(slug: string): ByokProvider {
  const provider = byokProvider(slug);
  if (!provider) throw new AppError("not_found", `No upstream '${slug}' takes your own key here.`, { param: "providerSlug" });
  return provider;
}

function openRow(row: SealedRow): string {
  return open(row, byokEncryptionKey(), additionalData(row.accountId, row.providerSlug));
}

// Each check asks an upstream about a key: capped per account, so the gateway cannot be used to
// try out keys in bulk.
const checksPerAccount = { points: 20, durationSec: 3600 };

async function check(accountId: string, provider: ByokProvider, secret: string): Promise<CheckResult> {
  const allowance = await consume("byok-check", accountId, checksPerAccount);
  if (!allowance.allowed) {
    throw new AppError("rate_limited", `Too many key checks for this account; try again in ${Math.ceil(allowance.retryAfterSec / 60)} min.`, {
      retryAfterSec: allowance.retryAfterSec,
    });
  }
  const resolved = resolveEndpoint(provider.slug, "live", secret);
  if (!resolved) return { outcome: "inconclusive", message: `No ${provider.name} endpoint is configured to check it against.` };
  return checkCredential(resolved, provider.name);
}

const checkFields = (result: CheckResult) => ({
  checkedAt: new Date(),
  checkOutcome: result.outcome,
  checkMessage: result.message.slice(0, 500),
});

export async function listCredentials(accountId: string): Promise<CredentialView[]> {
  const rows = await db.providerCredential.findMany({
    where: { accountId },
    select: { providerSlug: true, hint: true, checkedAt: true, checkOutcome: true, checkMessage: true, allowFallback: true, updatedAt: true },
  });
  return byokProviders.map((provider) => {
    const row = rows.find((r) => r.providerSlug === provider.slug);
    return {
      providerSlug: provider.slug,
      providerName: provider.name,
      credentialLabel: provider.credential,
      stored: row
        ? {
            hint: row.hint,
            checkedAt: row.checkedAt?.toISOString() ?? null,
            checkOutcome: row.checkOutcome,
            checkMessage: row.checkMessage,
            allowFallback: row.allowFallback,
            updatedAt: row.updatedAt.toISOString(),
          }
        : null,
    };
  });
}

/**
 * Checks a credential with its upstream and stores it sealed, replacing the account's previous one
 * for that upstream (whose fallback choice stays). A credential the upstream refuses is not
 * stored: every task would fail on it.
 */
export async function saveCredential(accountId: string, providerSlug: string, secret: string): Promise<CheckResult> {
  const provider = providerOrThrow(providerSlug);
  const result = await check(accountId, provider, secret);
  if (result.outcome === "refused") {
    throw new AppError("validation_error", `${provider.name} refused this ${provider.credential}, so it was not saved. ${result.message}`, {
      param: "secret",
    });
  }
  const sealed = seal(secret, byokEncryptionKey(), additionalData(accountId, provider.slug));
  const fields = { ...sealed, hint: secret.slice(-4), ...checkFields(result) };
  await db.providerCredential.upsert({
    where: { accountId_providerSlug: { accountId, providerSlug: provider.slug } },
    create: { id: newId("cred"), accountId, providerSlug: provider.slug, ...fields },
    update: fields,
  });
  forgetPlan(accountId);
  return result;
}

/** Asks the upstream again about the stored credential and records what it said. */
export async function recheckCredential(accountId: string, providerSlug: string): Promise<CheckResult> {
  const provider = providerOrThrow(providerSlug);
  const row = await db.providerCredential.findUnique({
    where: { accountId_providerSlug: { accountId, providerSlug: provider.slug } },
    select: sealedFields,
  });
  if (!row) throw new AppError("not_found", `No ${provider.name} ${provider.credential} is stored for this account.`, { param: "providerSlug" });
  let secret: string;
  try {
    secret = openRow(row);
  } catch (error) {
    if (!(error instanceof SecretUnreadableError)) throw error;
    const message = `The stored ${provider.credential} cannot be decrypted (${error.message}): save it again.`;
    await db.providerCredential.updateMany({ where: { id: row.id, iv: row.iv }, data: checkFields({ outcome: "inconclusive", message }) });
    return { outcome: "inconclusive", message };
  }
  const result = await check(accountId, provider, secret);
  // A replacement saved meanwhile has its own check; this answer is about the secret it replaced.
  await db.providerCredential.updateMany({ where: { id: row.id, iv: row.iv }, data: checkFields(result) });
  return result;
}

export async function removeCredential(accountId: string, providerSlug: string): Promise<void> {
  const provider = providerOrThrow(providerSlug);
  const { count } = await db.providerCredential.deleteMany({ where: { accountId, providerSlug: provider.slug } });
  forgetPlan(accountId);
  if (count === 0) throw new AppError("not_found", `No ${provider.name} ${provider.credential} is stored for this account.`, { param: "providerSlug" });
}

export async function setFallback(accountId: string, providerSlug: string, allowFallback: boolean): Promise<void> {
  const provider = providerOrThrow(providerSlug);
  const { count } = await db.providerCredential.updateMany({ where: { accountId, providerSlug: provider.slug }, data: { allowFallback } });
  forgetPlan(accountId);
  if (count === 0) throw new AppError("not_found", `Save a ${provider.name} ${provider.credential} first.`, { param: "providerSlug" });
}

type PlanRow = { providerSlug: string; allowFallback: boolean };

// Every live createTask asks which upstreams the account holds a key for; almost none do, so the
// answer is kept briefly. A stale answer cannot cost anyone money: a key saved within the TTL means
// a few tasks at the full price on the platform's key, and a key removed within it fails the task
// uncharged at submit (the worker reads credentials fresh). This instance forgets at once on edits.
const PLAN_TTL_MS = 5_000;
const PLAN_MAX_ENTRIES = 10_000;
const planCache = new Map<string, { rows: Promise<PlanRow[]>; expiresAt: number }>();

function forgetPlan(accountId: string): void {
  planCache.delete(accountId);
}

function planRows(tx: Tx, accountId: string, now = Date.now()): Promise<PlanRow[]> {
  const hit = planCache.get(accountId);
  if (hit && hit.expiresAt > now) return hit.rows;
  if (planCache.size >= PLAN_MAX_ENTRIES) planCache.delete(planCache.keys().next().value!);
  const rows = tx.providerCredential.findMany({ where: { accountId }, select: { providerSlug: true, allowFallback: true } });
  planCache.set(accountId, { rows, expiresAt: now + PLAN_TTL_MS });
  rows.catch(() => forgetPlan(accountId));
  return rows;
}

/**
 * At createTask: whether the account has its own credential for any of these upstreams, and if so
 * whether every one of them lets the platform's credentials stand in. Null: a task like any other.
 */
export async function byokPlan(tx: Tx, accountId: string, providerSlugs: string[]): Promise<{ fallback: boolean } | null> {
  const rows = (await planRows(tx, accountId)).filter((r) => providerSlugs.includes(r.providerSlug));
  return rows.length === 0 ? null : { fallback: rows.every((r) => r.allowFallback) };
}

/** An account's own credential as the worker uses it: the secret, or why it cannot be used. */
export type OwnCredential = { secret: string } | { problem: string };

function unusable(provider: ByokProvider, why: string): { problem: string } {
  return { problem: `Your ${provider.name} ${provider.credential} ${why}` };
}

/** The account's credentials for these upstreams, opened, keyed by provider slug. */
export async function ownCredentials(accountId: string, providerSlugs: string[]): Promise<Map<string, OwnCredential>> {
  const rows = await db.providerCredential.findMany({ where: { accountId, providerSlug: { in: providerSlugs } }, select: sealedFields });
  const found = new Map<string, OwnCredential>();
  for (const row of rows) {
    const provider = byokProvider(row.providerSlug);
    if (!provider) continue;
    try {
      found.set(row.providerSlug, { secret: openRow(row) });
    } catch (error) {
      if (!(error instanceof SecretUnreadableError)) throw error;
      console.error(`[byok] ${row.id}: ${error.message}`);
      found.set(row.providerSlug, unusable(provider, "stored here cannot be decrypted (the gateway's encryption key changed): save it again."));
    }
  }
  return found;
}

/** The credential a job submitted on the account's own key is polled with; a problem once it is removed. */
export async function ownCredential(accountId: string, providerSlug: string): Promise<OwnCredential> {
  const found = (await ownCredentials(accountId, [providerSlug])).get(providerSlug);
  if (found) return found;
  const provider = byokProvider(providerSlug);
  return provider ? unusable(provider, "was removed while this task ran, so its result cannot be fetched.") : { problem: "No such upstream." };
}

/** The names of the upstreams whose own keys can serve a variant, by route priority: for its model page. */
export async function byokUpstreamsFor(variantSlug: string): Promise<string[]> {
  const routes = await db.route.findMany({ where: { variantSlug }, orderBy: { priority: "asc" }, select: { providerSlug: true } });
  return routes.flatMap((r) => byokProvider(r.providerSlug)?.name ?? []);
}
