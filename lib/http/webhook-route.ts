import "server-only";
import { AppError } from "@/lib/errors";
import { logRequest } from "./access-log";
import { readBody } from "./body";
import { httpErrors } from "./errors";
import { newRequestId } from "./route";

const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The wrapper for signed inbound webhooks (no API key: the handler verifies the sender's signature
 * over the raw bytes). It reads the body unparsed and size-capped, answers the handler's result as
 * JSON, renders AppErrors with their status (senders retry anything but 2xx) and logs one line.
 */
export function webhookRoute(
  name: string,
  handler: (args: { req: Request; rawBody: Uint8Array }) => Promise<unknown>,
  { maxBodyBytes = DEFAULT_MAX_BODY_BYTES }: { maxBodyBytes?: number } = {},
): (req: Request) => Promise<Response> {
  return async (req) => {
    const requestId = newRequestId();
    const started = performance.now();
    let response: Response;
    try {
      response = Response.json(await handler({ req, rawBody: await readBody(req, maxBodyBytes) }));
    } catch (error) {
      if (!(error instanceof AppError)) console.error(`[${name}] ${requestId} unhandled error`, error);
      const appError =
        error instanceof AppError ? error : new AppError("internal", `Internal server error. Request id ${requestId}.`);
      response = Response.json({ error: { code: appError.code, message: appError.message } }, { status: httpErrors[appError.code].status });
    }
    const ms = (performance.now() - started).toFixed(1);
    logRequest(`[${name}] ${req.method} ${new URL(req.url).pathname} ${response.status} ${ms}ms ${requestId}`);
    return response;
  };
}
