import "server-only";
import { z } from "zod";
import { db, type Prisma } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { type Prediction, predictionMediaSelect, REPLICATE_PATH, toPrediction } from "./prediction";

// Predictions are the account's tasks made through /replicate/v1; tasks of the other surfaces are
// read with their own routes, where their shapes make sense.

export const PAGE_SIZE = 100;

function notFound(id: string): AppError {
  return new AppError("not_found", `No prediction ${id} on this account.`, { param: "id" });
}

export async function getPrediction(accountId: string, id: string, baseUrl: string): Promise<Prediction> {
  const task = await db.task.findFirst({ where: { id, accountId, surface: "replicate" }, include: { media: predictionMediaSelect } });
  if (!task) throw notFound(id);
  return toPrediction(task, baseUrl);
}

/** Whether the account has this prediction: another account's is as absent as a made-up id. */
export async function assertPrediction(accountId: string, id: string): Promise<void> {
  const found = await db.task.findFirst({ where: { id, accountId, surface: "replicate" }, select: { id: true } });
  if (!found) throw notFound(id);
}

// A cursor is a position in (createdAt, id) order and a direction: "n" pages to older
// predictions, "p" to newer ones. Opaque to clients, who only follow `next` and `previous`.
const cursorSchema = z.object({ d: z.enum(["n", "p"]), t: z.number().int().nonnegative(), id: z.string().max(40) });
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

function decodeCursor(text: string): Cursor {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(text, "base64url").toString("utf8")));
  } catch {
    throw new AppError("validation_error", "cursor: is not a cursor this API gave out; follow `next` or `previous` as returned.", {
      param: "cursor",
      issues: [{ path: "cursor", message: "is not a cursor this API gave out" }],
    });
  }
}

export type PredictionPage = { next: string | null; previous: string | null; results: Prediction[] };

/** The account's predictions, newest first, in Replicate's cursor pages. */
export async function listPredictions(
  accountId: string,
  baseUrl: string,
  cursorText?: string,
  pageSize = PAGE_SIZE,
): Promise<PredictionPage> {
  const cursor = cursorText ? decodeCursor(cursorText) : null;
  const toNewer = cursor?.d === "p";
  const where: Prisma.TaskWhereInput = { accountId, surface: "replicate" };
  if (cursor) {
    const at = new Date(cursor.t);
    const beyond = toNewer ? { gt: at } : { lt: at };
    where.OR = [{ createdAt: beyond }, { createdAt: at, id: toNewer ? { gt: cursor.id } : { lt: cursor.id } }];
  }
  const order = toNewer ? "asc" : "desc";
  const rows = await db.task.findMany({
    where,
    orderBy: [{ createdAt: order }, { id: order }],
    take: pageSize + 1,
    include: { media: predictionMediaSelect },
  });
  const more = rows.length > pageSize;
  const page = rows.slice(0, pageSize);
  if (toNewer) page.reverse();

  const link = (d: Cursor["d"], at: { createdAt: Date; id: string } | Cursor) => {
    const t = "createdAt" in at ? at.createdAt.getTime() : at.t;
    return `${baseUrl}${REPLICATE_PATH}/predictions?cursor=${encodeCursor({ d, t, id: at.id })}`;
  };
  const newest = page[0] ?? cursor;
  const oldest = page.at(-1) ?? cursor;
  // Paging one way always leaves the page it came from on the other side.
  const hasOlder = toNewer ? true : more;
  const hasNewer = toNewer ? more : cursor !== null;
  return {
    next: hasOlder && oldest ? link("n", oldest) : null,
    previous: hasNewer && newest ? link("p", newest) : null,
    results: page.map((task) => toPrediction(task, baseUrl)),
  };
}
