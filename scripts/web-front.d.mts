import type { IncomingMessage, ServerResponse } from "node:http";

export const PEER_HEADER: string;
export function refusal(req: IncomingMessage): [number, string] | null;
export function frontHandler(options: {
  handle: (req: IncomingMessage, res: ServerResponse) => unknown;
  hsts: boolean;
}): (req: IncomingMessage, res: ServerResponse) => void;
