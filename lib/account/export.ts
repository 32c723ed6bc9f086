import "server-only";
import { db } from "@/lib/db";
import { mediaUrl, thumbnailUrl } from "@/lib/tasks/view";

const BATCH = 500;
const micros = (value: bigint | null) => (value === null ? null : Number(value));

/** The user and the account: no password hash, no secret, the saved card by brand and last 4 only. */
async function profile(user: { id: string; accountId: string }) {
  const found = await db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: {
      id: true,
      email: true,
      name: true,
      image: true,
      emailVerified: true,
      role: true,
      createdAt: true,
      passwordHash: true,
      oauthAccounts: { select: { provider: true } },
    },
  });
  const account = await db.account.findUniqueOrThrow({
    where: { id: user.accountId },
    include: {
      wallet: true,
      memberships: { select: { role: true, createdAt: true, user: { select: { id: true, email: true, name: true } } } },
      apiKeys: { orderBy: { createdAt: "asc" } },
      providerCredentials: { orderBy: { createdAt: "asc" } },
      topUps: { orderBy: { createdAt: "asc" } },
    },
  });
  const { passwordHash, oauthAccounts, ...rest } = found;
  return {
    user: { ...rest, hasPassword: passwordHash !== null, signInProviders: oauthAccounts.map((o) => o.provider) },
    account: {
      id: account.id,
      name: account.name,
      createdAt: account.createdAt,
      balance: { availableMicros: micros(account.wallet?.availableMicros ?? 0n), reservedMicros: micros(account.wallet?.reservedMicros ?? 0n) },
      spendCaps: { dailyMicros: micros(account.dailyCapMicros), monthlyMicros: micros(account.monthlyCapMicros) },
      savedCard: account.cardLast4 ? { brand: account.cardBrand, last4: account.cardLast4 } : null,
      autoRecharge: {
        enabled: account.autoRechargeEnabled,
        thresholdMicros: micros(account.autoRechargeThresholdMicros),
        amountMicros: micros(account.autoRechargeAmountMicros),
      },
      lowBalanceNoticeBelowMicros: micros(account.notifyBelowMicros),
      hasCallbackSigningSecret: account.webhookSecret !== null,
    },
    members: account.memberships.map((m) => ({ ...m.user, role: m.role, since: m.createdAt })),
    apiKeys: account.apiKeys.map((k) => ({
      id: k.id,
      name: k.name,
      mode: k.mode,
      start: k.start,
      scopes: k.scopes,
      ratePer10s: k.ratePer10s,
      dailyCapMicros: micros(k.dailyCapMicros),
      expiresAt: k.expiresAt,
      revokedAt: k.revokedAt,
      lastUsedAt: k.lastUsedAt,
      rolledFromId: k.rolledFromId,
      createdAt: k.createdAt,
    })),
    providerCredentials: account.providerCredentials.map((c) => ({
      provider: c.providerSlug,
      last4: c.hint,
      allowFallback: c.allowFallback,
      checkedAt: c.checkedAt,
      checkOutcome: c.checkOutcome,
      createdAt: c.createdAt,
    })),
    topUps: account.topUps.map((t) => ({ id: t.id, amountMicros: micros(t.amountMicros), state: t.state, createdAt: t.createdAt, paidAt: t.paidAt })),
  };
}

/** Pages of `read(cursor)` by id until one comes back short. */
async function* pages<T extends { id: string }>(read: (cursor: string | undefined) => Promise<T[]>): AsyncGenerator<T[]> {
  let cursor: string | undefined;
  for (;;) {
    const rows = await read(cursor);
    if (rows.length > 0) yield rows;
    if (rows.length < BATCH) return;
    cursor = rows.at(-1)!.id;
  }
}

const after = (accountId: string, cursor: string | undefined) => ({ accountId, ...(cursor ? { id: { gt: cursor } } : {}) });

function ledgerPages(accountId: string) {
  return pages(async (cursor) => {
    const rows = await db.ledgerEntry.findMany({ where: after(accountId, cursor), orderBy: { id: "asc" }, take: BATCH });
    return rows.map((e) => ({
      id: e.id,
      kind: e.kind,
      amountMicros: micros(e.amountMicros),
      reservedDeltaMicros: micros(e.reservedDeltaMicros),
      taskId: e.taskId,
      apiKeyId: e.apiKeyId,
      externalRef: e.externalRef,
      memo: e.memo,
      createdAt: e.createdAt,
    }));
  });
}

function taskPages(accountId: string, baseUrl: string) {
  return pages(async (cursor) => {
    const rows = await db.task.findMany({
      where: after(accountId, cursor),
      orderBy: { id: "asc" },
      take: BATCH,
      include: { media: { orderBy: { position: "asc" } } },
    });
    return rows.map((t) => ({
      id: t.id,
      model: t.variantSlug,
      modelRequested: t.modelRequested,
      surface: t.surface,
      mode: t.mode,
      state: t.state,
      input: t.input,
      width: t.width,
      height: t.height,
      priceMicros: micros(t.priceMicros),
      apiKeyId: t.apiKeyId,
      callbackUrl: t.callbackUrl,
      simulated: t.simulated,
      failCode: t.failCode,
      failMsg: t.failMsg,
      createdAt: t.createdAt,
      finishedAt: t.finishedAt,
      media: t.media.map((m) => ({
        url: mediaUrl(baseUrl, m),
        thumbnailUrl: thumbnailUrl(baseUrl, m),
        contentType: m.contentType,
        width: m.width,
        height: m.height,
        expiresAt: m.expiresAt,
      })),
    }));
  });
}

function playgroundPages(accountId: string) {
  return pages(async (cursor) => {
    const rows = await db.playgroundRun.findMany({
      where: after(accountId, cursor),
      orderBy: { id: "asc" },
      take: BATCH,
      include: { panes: { orderBy: { position: "asc" } } },
    });
    return rows.map((r) => ({
      id: r.id,
      prompt: r.prompt,
      settings: r.settings,
      mode: r.mode,
      blind: r.blind,
      winnerPaneId: r.winnerPaneId,
      note: r.note,
      isShared: r.shareId !== null,
      createdAt: r.createdAt,
      panes: r.panes.map((p) => ({
        id: p.id,
        position: p.position,
        model: p.variantSlug,
        label: p.label,
        params: p.params,
        promptAddition: p.promptAddition,
        taskId: p.taskId,
      })),
    }));
  });
}

/**
 * Everything the account holds about its user, as one JSON document streamed in pages (an account
 * may have many tasks): never a password hash, a key's hash, a credential or a signing secret.
 */
export function accountExportStream(user: { id: string; accountId: string }, baseUrl: string, now = new Date()): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  async function* chunks(): AsyncGenerator<string> {
    const head = { format: "lumigate-account-export/1", exportedAt: now, ...(await profile(user)) };
    yield JSON.stringify(head).slice(0, -1);
    const lists = [
      ["ledger", ledgerPages(user.accountId)],
      ["tasks", taskPages(user.accountId, baseUrl)],
      ["playgroundRuns", playgroundPages(user.accountId)],
    ] as const;
    for (const [name, list] of lists) {
      yield `,${JSON.stringify(name)}:[`;
      let first = true;
      for await (const page of list) {
        const body = page.map((row) => JSON.stringify(row)).join(",");
        yield first ? body : `,${body}`;
        first = false;
      }
      yield "]";
    }
    yield "}\n";
  }
  const source = chunks();
  return new ReadableStream({
    async pull(controller) {
      try {
        const next = await source.next();
        if (next.done) controller.close();
        else controller.enqueue(encoder.encode(next.value));
      } catch (error) {
        console.error("[account] export failed", error);
        controller.error(error);
      }
    },
    async cancel() {
      await source.return(undefined);
    },
  });
}
