import type { UpstreamProtocol } from "@/lib/providers/types";
import { SIMULATOR_FAL_JWKS_PATH } from "./fal/routes";

/** The Endpoint.baseUrl for each adapter when it talks to the simulator at `url`, and fal's JWKS URL. */
export function simulatorBaseUrls(url: string): Record<UpstreamProtocol, string> & { falJwks: string } {
  const root = url.replace(/\/+$/, "");
  return {
    bfl: `${root}/bfl`,
    fal: `${root}/fal`,
    replicate: `${root}/replicate/v1`,
    openai: `${root}/openai/v1`,
    falJwks: `${root}${SIMULATOR_FAL_JWKS_PATH}`,
  };
}
