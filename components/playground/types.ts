import type { ParamDescriptor } from "@/lib/catalog/params";
import type { ModelTask } from "@/lib/catalog/types";

/** What the playground needs of a catalog variant; the page builds these on the server. */
export type PlaygroundVariant = {
  slug: string;
  displayName: string;
  familySlug: string;
  task: ModelTask;
  resolutionTier: string | null;
  parameters: ParamDescriptor[];
};

export type VariantSpeeds = Record<string, { medianMs: number; runs: number }>;

/** One pane as being set up; `params` holds only what the user changed (defaults apply to the rest). */
export type PaneDraft = {
  key: string;
  variant: string;
  params: Record<string, unknown>;
  label?: string;
  promptAddition: string;
};
