import { openWallet } from "@/lib/billing";
import { db } from "@/lib/db";
import { newId } from "@/lib/ids";
import { createKey, type KeyScope } from "@/lib/keys";

export const USD = 1_000_000;

/** An account with a wallet holding `balanceMicros`. */
export async function newAccount(
  balanceMicros = 10 * USD,
  opts: { dailyCapMicros?: number; maxInFlightTasks?: number } = {},
): Promise<string> {
  const id = newId("acct");
  await db.$transaction(async (tx) => {
    await tx.account.create({
      data: {
        id,
        name: "test account",
        dailyCapMicros: opts.dailyCapMicros === undefined ? null : BigInt(opts.dailyCapMicros),
        maxInFlightTasks: opts.maxInFlightTasks ?? 24,
      },
    });
    await openWallet(tx, id, balanceMicros);
  });
  return id;
}

export async function newKey(
  accountId: string,
  opts: { mode?: "live" | "test"; scopes?: KeyScope[]; ratePer10s?: number; dailyCapMicros?: number } = {},
): Promise<{ key: string; keyId: string }> {
  const { key, record } = await createKey({
    accountId,
    name: "test",
    mode: opts.mode ?? "live",
    scopes: opts.scopes ?? ["generate", "read"],
    ratePer10s: opts.ratePer10s ?? 1000,
    dailyCapMicros: opts.dailyCapMicros,
  });
  return { key, keyId: record.id };
}

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

/** Calls a route handler as Next would, and reads its JSON answer. */
export async function call(handler: Handler, req: Request, params: Record<string, string> = {}) {
  const res = await handler(req, { params: Promise.resolve(params) });
  const text = await res.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = text;
  }
  // Tests read answers of many shapes; each asserts the fields it cares about.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  return { status: res.status, headers: res.headers, body: body as any };
}

export function jsonRequest(url: string, key: string | null, body: unknown, headers: Record<string, string> = {}): Request {
  return new Request(url, {
    method: "POST",
    headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}), ...headers },
    body: typeof body === "string" ? body : JSON.stringify(body),
  });
}

export function getRequest(url: string, key: string | null): Request {
  return new Request(url, { headers: key ? { authorization: `Bearer ${key}` } : {} });
}

/** A copy of a catalog variant under a new slug, e.g. to put one in maintenance without touching the real one. */
export async function cloneVariant(fromSlug: string, status: "operational" | "maintenance" | "disabled"): Promise<string> {
  const source = await db.variant.findUniqueOrThrow({ where: { slug: fromSlug }, include: { routes: true } });
  const slug = `${fromSlug}-${status}-${Math.random().toString(36).slice(2, 8)}`;
  await db.variant.create({
    data: {
      slug,
      status,
      familySlug: source.familySlug,
      displayName: `${source.displayName} (${status})`,
      modality: source.modality,
      task: source.task,
      resolutionTier: source.resolutionTier,
      priceMicros: source.priceMicros,
      parameters: source.parameters as object,
      releaseDate: source.releaseDate,
      description: source.description,
      useCases: source.useCases,
      routes: {
        create: source.routes.map((r) => ({
          id: `rt_${slug}_${r.providerSlug}`,
          providerSlug: r.providerSlug,
          upstreamModel: r.upstreamModel,
          priority: r.priority,
          upstreamCostMicros: r.upstreamCostMicros,
        })),
      },
    },
  });
  return slug;
}
