import { AppError } from "@/lib/errors";
import { httpErrors, newRequestId } from "@/lib/http";
import { readBody } from "@/lib/http/body";
import { receiveUpstreamWebhook } from "@/lib/tasks/receive-webhook";

const MAX_WEBHOOK_BYTES = 1024 * 1024;

// POST /api/upstream/{bfl|fal|replicate}?task=&token=: where upstreams report a job's outcome.
// Upstreams retry anything but 2xx, so only a bad signature or a bad URL answers otherwise.
export async function POST(req: Request, { params }: { params: Promise<{ protocol: string }> }) {
  const url = new URL(req.url);
  try {
    const result = await receiveUpstreamWebhook({
      protocol: (await params).protocol,
      taskId: url.searchParams.get("task"),
      token: url.searchParams.get("token"),
      headers: req.headers,
      rawBody: await readBody(req, MAX_WEBHOOK_BYTES),
    });
    return Response.json({ ok: true, result });
  } catch (error) {
    if (error instanceof AppError) {
      return Response.json({ ok: false, error: error.message }, { status: httpErrors[error.code].status });
    }
    const requestId = newRequestId();
    console.error(`[upstream-webhook] ${requestId}`, error);
    return Response.json({ ok: false, error: `internal error ${requestId}` }, { status: 500 });
  }
}
