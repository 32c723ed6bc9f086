// CSV exports (the ledger, the task log): formula-safe cells, and keyset-paged rows streamed a page
// at a time so an export never holds a whole table in memory.

/** Integer micro-USD as an exact decimal dollar amount: -1500 -> "-0.001500". */
export function microsToDecimalUsd(micros: number): string {
  const value = BigInt(micros);
  const abs = value < 0n ? -value : value;
  return `${value < 0n ? "-" : ""}${abs / 1_000_000n}.${(abs % 1_000_000n).toString().padStart(6, "0")}`;
}

/**
 * A text cell, quoted per RFC 4180 when it holds a comma, quote or line break. Text a spreadsheet
 * would run as a formula (= + - @, and tab or CR before them) gets a leading apostrophe. Numeric
 * cells are ours, never user text, and stay bare so spreadsheets read negative amounts as numbers.
 */
export function csvText(value: string | null): string {
  if (value === null) return "";
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

type Keyset = { createdAt: Date; id: string };
const CSV_PAGE = 1000;

/**
 * CRLF-terminated lines, newest first: the header, then one chunk per page of `list`, which pages
 * by the (createdAt, id) of the last row it answered.
 */
export async function* pagedCsv<R extends Keyset>(
  header: readonly string[],
  list: (cursor: Keyset | null, limit: number) => Promise<{ rows: R[]; nextCursor: unknown }>,
  toLine: (row: R) => string,
): AsyncGenerator<string> {
  yield `${header.join(",")}\r\n`;
  let cursor: Keyset | null = null;
  for (;;) {
    const page = await list(cursor, CSV_PAGE);
    if (page.rows.length > 0) yield page.rows.map((row) => `${toLine(row)}\r\n`).join("");
    const last = page.rows.at(-1);
    if (!page.nextCursor || !last) return;
    cursor = { createdAt: last.createdAt, id: last.id };
  }
}

/** Chunks as a byte stream for a download: the next one is read only when the client takes the previous one. */
export function byteStream(chunks: AsyncGenerator<string>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(encoder.encode(value));
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
