import "server-only";
import { headers } from "next/headers";
import { env, publicUrl } from "@/lib/env";
import { baseUrlFromHeaders } from "./base-url";

/** The base URL of this instance as the current request reached it (see baseUrlFromHeaders). */
export async function requestBaseUrl(): Promise<string> {
  return baseUrlFromHeaders(await headers(), env.PUBLIC_URL, publicUrl);
}
