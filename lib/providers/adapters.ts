import "server-only";
import { bflAdapter } from "./bfl";
import { falAdapter } from "./fal";
import { fetchInputImage } from "./input-fetch";
import { createOpenAiAdapter } from "./openai";
import { replicateAdapter } from "./replicate";
import type { ProviderAdapter, UpstreamProtocol } from "./types";

export const adapters: Record<UpstreamProtocol, ProviderAdapter> = {
  bfl: bflAdapter,
  fal: falAdapter,
  replicate: replicateAdapter,
  openai: createOpenAiAdapter({ fetchImage: fetchInputImage }),
};

export function adapterFor(protocol: UpstreamProtocol): ProviderAdapter {
  return adapters[protocol];
}
