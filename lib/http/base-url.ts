import { env } from "@/lib/env";

/** The base URL links in a response use: PUBLIC_URL when set, else the origin the client called. */
export function baseUrlOf(req: Request): string {
  return (env.PUBLIC_URL ?? new URL(req.url).origin).replace(/\/$/, "");
}
