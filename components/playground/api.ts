import type { PlaygroundEnvelope } from "@/lib/playground/contract";

export type FieldIssue = { path: string; message: string };

/** An answer other than 200, with what the API said; `status` 0 when the server was not reached. */
export class PlaygroundApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly details: FieldIssue[] = [],
  ) {
    super(message);
  }
}

/** Calls a playground route and unwraps the task envelope: `data` on success, a PlaygroundApiError otherwise. */
export async function playgroundFetch<T>(path: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(path, {
      method: init.method ?? "GET",
      headers: init.body === undefined ? undefined : { "content-type": "application/json" },
      body: init.body === undefined ? undefined : JSON.stringify(init.body),
      credentials: "same-origin",
    });
  } catch {
    throw new PlaygroundApiError("We couldn't reach the server. Check your connection and try again.", 0);
  }
  const envelope = (await response.json().catch(() => null)) as PlaygroundEnvelope<T> | null;
  if (envelope && envelope.code === 200 && response.ok) return envelope.data as T;
  const message = envelope?.msg ?? `The server answered ${response.status}. Try again in a moment.`;
  const details = envelope && "details" in envelope ? (envelope.details ?? []) : [];
  throw new PlaygroundApiError(message, response.status, details);
}
