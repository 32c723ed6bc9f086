import "server-only";
import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { authOptions } from "@/lib/auth/options";
import { AppError } from "@/lib/errors";
import { readBody } from "./body";

// next-auth's endpoints take forms of a few fields (email, password, CSRF token, callback URL); a
// body of another type, or a large one, is refused here before next-auth (which would answer
// 500 to a malformed one, and buffer any size).
const MAX_BODY_BYTES = 16 * 1024;

const nextAuth = NextAuth(authOptions) as (req: Request, context: unknown) => Promise<Response>;

function refusal(status: number, message: string): Response {
  return Response.json({ error: message }, { status });
}

/** next-auth decodes its query (callbackUrl, error) itself and fails on what does not decode. */
function queryRefusal(req: Request): Response | null {
  for (const part of new URL(req.url).search.slice(1).split("&")) {
    let decoded: string;
    try {
      decoded = decodeURIComponent(part.replaceAll("+", " "));
    } catch {
      return refusal(400, "The URL's query has malformed percent-encoding.");
    }
    if (decoded.includes("\u0000")) return refusal(400, "The URL's query contains a NUL character.");
  }
  return null;
}

export const authGet = (req: Request, context: unknown) => queryRefusal(req) ?? nextAuth(req, context);

export async function authPost(req: Request, context: unknown): Promise<Response> {
  const badQuery = queryRefusal(req);
  if (badQuery) return badQuery;
  const type = req.headers.get("content-type")?.split(";")[0]?.trim().toLowerCase();
  if (type !== "application/x-www-form-urlencoded") {
    return refusal(415, "Send the form as application/x-www-form-urlencoded.");
  }
  let body: Uint8Array;
  try {
    body = await readBody(req, MAX_BODY_BYTES);
  } catch (error) {
    if (error instanceof AppError) return refusal(error.code === "payload_too_large" ? 413 : 400, error.message);
    throw error;
  }
  const text = new TextDecoder().decode(body);
  if (text.includes("\u0000") || /%00/i.test(text)) return refusal(400, "The form contains a NUL character.");
  // A NextRequest again: next-auth reads `nextUrl`.
  return nextAuth(new NextRequest(req, { body: text, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]), context);
}
