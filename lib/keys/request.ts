const bearer = /^Bearer\s+(\S+)\s*$/i;

/** The raw key from `Authorization: Bearer <key>` or, for clients that send it so, `x-api-key`. */
export function keyFromRequest(req: Request): string | null {
  const match = bearer.exec(req.headers.get("authorization") ?? "");
  if (match?.[1]) return match[1];
  return req.headers.get("x-api-key")?.trim() || null;
}
