import { describe, expect, it } from "vitest";
import { catalogSource } from "@/lib/catalog/source";
import { db } from "@/lib/db";
import type { LedgerKind } from "@/lib/db/generated/enums";
import { newId } from "@/lib/ids";
import { newAccount, USD } from "@/lib/testing/fixtures";
import { adjustBalance, capture, debitOnce, findDrift, grantCredits, release, reserve } from "./index";
import { csvText, microsToDecimalUsd } from "@/lib/utils/csv";
import {
  listTransactions,
  parseTransactionQuery,
  transactionCsv,
  transactionCsvHeader,
  type TransactionFilters,
  type TransactionRow,
} from "./transactions";

const model = catalogSource.variants[0]!.slug;

async function newTask(accountId: string): Promise<string> {
  const id = newId("task");
  await db.task.create({
    data: {
      id,
      accountId,
      variantSlug: model,
      modelRequested: model,
      mode: "live",
      surface: "task_api",
      input: { prompt: "x" },
      width: 1024,
      height: 1024,
      priceMicros: 0n,
      simulated: true,
      deadlineAt: new Date(Date.UTC(2032, 0, 1)),
    },
  });
  return id;
}

/** A ledger entry at a chosen time, with the wallet moved to match, as the billing code writes them. */
async function entryAt(
  accountId: string,
  kind: LedgerKind,
  amountMicros: number,
  createdAt: Date,
  extra: { memo?: string; externalRef?: string } = {},
): Promise<string> {
  const id = newId("txn");
  await db.$transaction([
    db.wallet.update({ where: { accountId }, data: { availableMicros: { increment: BigInt(amountMicros) } } }),
    db.ledgerEntry.create({ data: { id, accountId, kind, amountMicros: BigInt(amountMicros), createdAt, ...extra } }),
  ]);
  return id;
}

async function everything(accountId: string, filters: TransactionFilters = {}): Promise<TransactionRow[]> {
  const page = await listTransactions(accountId, { filters, cursor: null, limit: 2000 });
  expect(page.nextCursor).toBeNull();
  return page.rows;
}

async function walletAvailable(accountId: string): Promise<number> {
  const wallet = await db.wallet.findUniqueOrThrow({ where: { accountId } });
  return Number(wallet.availableMicros);
}

async function csvOf(accountId: string, filters: TransactionFilters = {}): Promise<string> {
  let text = "";
  for await (const chunk of transactionCsv(accountId, filters)) text += chunk;
  return text;
}

/** RFC 4180, enough to read back what the export wrote: quoted fields, doubled quotes, CRLF records. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      record.push(field);
      field = "";
    } else if (c === "\r" && text[i + 1] === "\n") {
      record.push(field);
      records.push(record);
      record = [];
      field = "";
      i++;
    } else field += c;
  }
  expect(field).toBe("");
  expect(record).toEqual([]);
  return records;
}

function csvObjects(text: string): Record<string, string>[] {
  const [header = [], ...rows] = parseCsv(text);
  expect(header).toEqual([...transactionCsvHeader]);
  return rows.map((cells) => {
    expect(cells).toHaveLength(header.length);
    return Object.fromEntries(header.map((name, i) => [name, cells[i] ?? ""]));
  });
}

describe("listTransactions: the running balance", () => {
  it("ends at the wallet's available balance after grants, holds, captures, releases, refunds and adjustments", async () => {
    const accountId = await newAccount(10 * USD);
    const charged = await newTask(accountId);
    const released = await newTask(accountId);
    const partial = await newTask(accountId);
    const running = await newTask(accountId);
    await grantCredits({ accountId, amountMicros: 5 * USD, memo: "Goodwill" });
    await reserve({ accountId, taskId: charged, amountMicros: 40_000 });
    await capture(charged, 40_000);
    await reserve({ accountId, taskId: released, amountMicros: 50_000 });
    await release(released);
    await reserve({ accountId, taskId: partial, amountMicros: 100_000 });
    await capture(partial, 60_000);
    await reserve({ accountId, taskId: running, amountMicros: 30_000 });
    await db.$transaction((tx) =>
      debitOnce(tx, "refund", { accountId, amountMicros: 2 * USD, memo: "Refund", externalRef: "re_test_1" }),
    );
    await adjustBalance({ accountId, amountMicros: -USD, memo: "Correction" });

    const rows = await everything(accountId);
    expect(rows).toHaveLength(11);
    const expected = 10 * USD + 5 * USD - 40_000 - 60_000 - 30_000 - 2 * USD - USD;
    expect(await walletAvailable(accountId)).toBe(expected);
    expect(rows[0]?.availableAfterMicros).toBe(expected);

    // Oldest first, each balance is the one before it moved by the entry's amount less what it set aside.
    const chronological = rows.toReversed();
    let available = 0;
    for (const row of chronological) {
      available += row.amountMicros - row.reservedDeltaMicros;
      expect(row.availableAfterMicros).toBe(available);
    }
    const { drift } = await findDrift([accountId]);
    expect(drift).toEqual([]);

    const taskRows = rows.filter((r) => r.taskId);
    expect(taskRows).toHaveLength(7);
    expect(new Set(taskRows.map((r) => r.modelSlug))).toEqual(new Set([model]));
    expect(rows.filter((r) => !r.taskId).every((r) => r.modelSlug === null)).toBe(true);
  });

  it("keeps each entry's true balance when filters leave others out", async () => {
    const accountId = await newAccount(0);
    await entryAt(accountId, "grant", 10 * USD, new Date("2026-03-01T10:00:00.000Z"));
    const topup = await entryAt(accountId, "topup", 5 * USD, new Date("2026-03-02T23:59:59.999Z"), {
      externalRef: "cs_test_1",
      memo: "Card top-up of $5.00 (Stripe payment pi_3Abc)",
    });
    const adjustment = await entryAt(accountId, "adjustment", -USD, new Date("2026-03-03T00:00:00.000Z"));
    const refund = await entryAt(accountId, "refund", -2 * USD, new Date("2026-03-04T12:00:00.000Z"));

    const topups = await everything(accountId, { kind: "topup" });
    expect(topups.map((r) => [r.id, r.availableAfterMicros])).toEqual([[topup, 15 * USD]]);
    expect(topups[0]?.createdAt).toEqual(new Date("2026-03-02T23:59:59.999Z"));

    const ranged = await everything(accountId, { from: "2026-03-02", to: "2026-03-03" });
    expect(ranged.map((r) => [r.id, r.availableAfterMicros])).toEqual([
      [adjustment, 14 * USD],
      [topup, 15 * USD],
    ]);
    // Both ends are whole UTC days: the last millisecond of the 2nd is in, midnight of the 3rd is not.
    expect((await everything(accountId, { to: "2026-03-02" })).map((r) => r.kind)).toEqual(["topup", "grant"]);
    expect((await everything(accountId, { from: "2026-03-03" })).map((r) => r.id)).toEqual([refund, adjustment]);
    expect(await everything(accountId, { from: "2026-03-04", kind: "refund" })).toHaveLength(1);
    expect(await everything(accountId, { from: "2026-03-05" })).toEqual([]);
    expect(await everything(accountId, { from: "2026-03-04", to: "2026-03-01" })).toEqual([]);
  });
});

describe("listTransactions: cursor pages", () => {
  it("cover every entry exactly once, in order, also when entries share a timestamp and under a filter", async () => {
    const accountId = await newAccount(0);
    const base = Date.UTC(2026, 4, 1);
    for (let i = 0; i < 23; i++) {
      // Groups of three share a millisecond, so only the id orders them.
      await entryAt(accountId, i % 4 === 0 ? "topup" : "grant", (i + 1) * 1000, new Date(base + Math.floor(i / 3) * 60_000));
    }
    for (const filters of [{}, { kind: "grant" as const }]) {
      const all = await everything(accountId, filters);
      const seen: TransactionRow[] = [];
      let cursor: string | null = null;
      let pages = 0;
      do {
        // Through the URL, as the page's "Older" link carries it.
        const query = parseTransactionQuery(cursor ? { cursor } : {});
        const page = await listTransactions(accountId, { filters, cursor: query.cursor, limit: 4 });
        expect(page.rows.length).toBeLessThanOrEqual(4);
        seen.push(...page.rows);
        cursor = page.nextCursor;
        pages++;
      } while (cursor);
      expect(pages).toBe(Math.ceil(all.length / 4));
      expect(seen.map((r) => r.id)).toEqual(all.map((r) => r.id));
      expect(seen.map((r) => r.availableAfterMicros)).toEqual(all.map((r) => r.availableAfterMicros));
    }
    expect(await everything(accountId)).toHaveLength(23);
  });
});

describe("transactions are the account's own", () => {
  it("never lists or exports another account's entries, not even through a task id they share", async () => {
    const alice = await newAccount(3 * USD);
    const bob = await newAccount(7 * USD);
    const bobTask = await newTask(bob);
    await reserve({ accountId: bob, taskId: bobTask, amountMicros: 40_000 });
    await grantCredits({ accountId: bob, amountMicros: USD, memo: "bob only" });
    // A stray entry of Alice's that names Bob's task must not reveal Bob's model.
    await entryAt(alice, "adjustment", -1000, new Date(), { memo: "stray" });
    await db.ledgerEntry.updateMany({ where: { accountId: alice, memo: "stray" }, data: { taskId: bobTask } });

    const bobIds = new Set((await db.ledgerEntry.findMany({ where: { accountId: bob } })).map((e) => e.id));
    const aliceRows = await everything(alice);
    expect(aliceRows.map((r) => r.memo).sort()).toEqual(["Sign-up credit", "stray"]);
    expect(aliceRows.some((r) => bobIds.has(r.id))).toBe(false);
    expect(aliceRows.find((r) => r.memo === "stray")?.modelSlug).toBeNull();
    expect(aliceRows[0]?.availableAfterMicros).toBe(3 * USD - 1000);

    const csv = await csvOf(alice);
    expect(csv).not.toContain("bob only");
    for (const id of bobIds) expect(csv).not.toContain(id);
    expect(csvObjects(csv)).toHaveLength(2);
  });
});

describe("transactionCsv", () => {
  it("quotes per RFC 4180, defuses formulas, and writes ISO dates and amounts in USD and micros", async () => {
    const accountId = await newAccount(0);
    const at = new Date("2026-06-01T08:30:00.123Z");
    const memos = [
      '=HYPERLINK("http://evil.example","click")',
      "+1+2",
      "-2+3",
      "@SUM(A1:A9)",
      "\t=1+1",
      "commas, and more",
      'a "quoted" word',
      "two\r\nlines",
      "plain",
    ];
    for (const [i, memo] of memos.entries()) {
      await entryAt(accountId, "grant", 1_234_567 + i, new Date(at.getTime() + i), { memo });
    }
    await entryAt(accountId, "refund", -40_000, new Date(at.getTime() + 100), {
      memo: "Refund, receipt https://pay.stripe.com/receipts/acct_1/ch_2/rcpt_3",
      externalRef: "=re_1",
    });

    const text = await csvOf(accountId);
    expect(text.startsWith(`${transactionCsvHeader.join(",")}\r\n`)).toBe(true);
    expect(text.endsWith("\r\n")).toBe(true);
    const rows = csvObjects(text);
    expect(rows).toHaveLength(memos.length + 1);

    const [refund, ...grants] = rows;
    expect(refund).toMatchObject({
      date: "2026-06-01T08:30:00.223Z",
      kind: "refund",
      type: "Refund",
      amount_usd: "-0.040000",
      amount_micros: "-40000",
      reserved_change_micros: "0",
      external_ref: "'=re_1",
      stripe_link: "https://pay.stripe.com/receipts/acct_1/ch_2/rcpt_3",
      memo: "Refund, receipt https://pay.stripe.com/receipts/acct_1/ch_2/rcpt_3",
    });
    const expectedMemos = [
      `'=HYPERLINK("http://evil.example","click")`,
      "'+1+2",
      "'-2+3",
      "'@SUM(A1:A9)",
      "'\t=1+1",
      "commas, and more",
      'a "quoted" word',
      "two\r\nlines",
      "plain",
    ];
    expect(grants.map((r) => r.memo)).toEqual(expectedMemos.toReversed());
    const first = grants.at(-1);
    expect(first).toMatchObject({
      date: "2026-06-01T08:30:00.123Z",
      kind: "grant",
      type: "Credit grant",
      amount_usd: "1.234567",
      amount_micros: "1234567",
      available_after_usd: "1.234567",
      available_after_micros: "1234567",
      task_id: "",
      model: "",
      stripe_link: "",
    });
    const total = memos.reduce((sum, _, i) => sum + 1_234_567 + i, 0) - 40_000;
    expect(refund?.available_after_micros).toBe(String(total));
    expect(refund?.available_after_usd).toBe(microsToDecimalUsd(total));
    // The raw text: the formula cell is quoted (it holds quotes), its apostrophe inside the quotes.
    expect(text).toContain(`,"'=HYPERLINK(""http://evil.example"",""click"")"\r\n`);
  });

  it("exports exactly what the filters select, across more than one page of rows", async () => {
    const accountId = await newAccount(0);
    const base = Date.UTC(2026, 6, 1);
    await db.ledgerEntry.createMany({
      data: Array.from({ length: 1203 }, (_, i) => ({
        id: newId("txn"),
        accountId,
        kind: (i % 3 === 0 ? "topup" : "grant") as LedgerKind,
        amountMicros: 1000n,
        memo: `entry ${i}`,
        createdAt: new Date(base + Math.floor(i / 2) * 1000),
      })),
    });
    const all = csvObjects(await csvOf(accountId));
    expect(all).toHaveLength(1203);
    expect(new Set(all.map((r) => r.id)).size).toBe(1203);
    expect(all[0]?.available_after_micros).toBe(String(1203 * 1000));
    expect(all.at(-1)?.available_after_micros).toBe("1000");

    const topups = csvObjects(await csvOf(accountId, { kind: "topup" }));
    expect(topups).toHaveLength(401);
    expect(topups.every((r) => r.kind === "topup")).toBe(true);
    const listed = await everything(accountId, { kind: "topup" });
    expect(topups.map((r) => r.id)).toEqual(listed.map((r) => r.id));
  });
});

describe("parseTransactionQuery", () => {
  it("keeps valid filters and a cursor", () => {
    expect(parseTransactionQuery({ kind: "refund", from: "2026-03-01", to: "2026-03-31", cursor: "1780000000000.txn_abc" })).toEqual({
      filters: { kind: "refund", from: "2026-03-01", to: "2026-03-31" },
      cursor: { createdAt: new Date(1780000000000), id: "txn_abc" },
    });
    expect(parseTransactionQuery({ kind: ["capture", "refund"] }).filters.kind).toBe("capture");
  });

  it.each([
    { kind: "bogus" },
    { kind: "" },
    { from: "2026-02-30" },
    { from: "0000-01-01" },
    { to: "yesterday" },
    { to: "2026-3-1" },
    { cursor: "garbage" },
    { cursor: "99999999999999999.txn_a" },
    { cursor: "1780000000000.txn'; DROP TABLE" },
  ])("drops %o instead of failing", (params) => {
    const { filters, cursor } = parseTransactionQuery(params);
    expect(Object.values(filters).filter((v) => v !== undefined)).toEqual([]);
    expect(cursor).toBeNull();
  });
});

describe("CSV cells", () => {
  it.each([
    [0, "0.000000"],
    [1, "0.000001"],
    [-40_000, "-0.040000"],
    [12_345_678, "12.345678"],
    [-1_000_000, "-1.000000"],
  ])("%i micro-USD is %s", (micros, text) => {
    expect(microsToDecimalUsd(micros)).toBe(text);
  });

  it.each([
    [null, ""],
    ["", ""],
    ["plain", "plain"],
    ["=1", "'=1"],
    ["a,b", '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ["-1,5", `"'-1,5"`],
    ["line\nbreak", '"line\nbreak"'],
    ["x=1", "x=1"],
  ])("%o becomes %o", (value, cell) => {
    expect(csvText(value)).toBe(cell);
  });
});
