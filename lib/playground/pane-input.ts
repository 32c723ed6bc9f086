import "server-only";
import type { z } from "zod";
import type { ParamDescriptor } from "@/lib/catalog/params";
import { matchInput } from "@/lib/catalog/param-presets";
import { AppError } from "@/lib/errors";
import { parseInput } from "@/lib/tasks";
import type { GenerationVariant } from "@/lib/tasks/variants";
import { type paneSpecSchema, type runSettingsSchema, sharedFields } from "./contract";

type Settings = z.output<typeof runSettingsSchema>;
type PaneSpec = z.output<typeof paneSpecSchema>;

/** The pane's own parameters: the shared ones come from the run's settings, whatever the pane sent. */
export function ownParams(pane: PaneSpec): Record<string, unknown> {
  return Object.fromEntries(Object.entries(pane.params).filter(([name]) => !(sharedFields as readonly string[]).includes(name)));
}

function param<T extends ParamDescriptor["type"]>(found: GenerationVariant, name: string, type: T) {
  return found.variant.parameters.find((p): p is Extract<ParamDescriptor, { type: T }> => p.name === name && p.type === type);
}

/**
 * A pane's task input: its own parameters plus the shared settings mapped onto what its variant
 * takes, validated (422 naming `panes.N.params.<name>`). A shared setting the variant cannot take
 * is left out, so its default applies, and told in a note.
 */
export function paneInput(
  found: GenerationVariant,
  settings: Settings,
  pane: PaneSpec,
  index: number,
): { input: Record<string, unknown>; notes: string[] } {
  const { variant } = found;
  const notes: string[] = [];
  const input: Record<string, unknown> = {
    ...ownParams(pane),
    prompt: pane.promptAddition ? `${settings.prompt} ${pane.promptAddition}` : settings.prompt,
  };

  if (settings.seed !== null && param(found, "seed", "integer")) input.seed = settings.seed;

  const ratio = param(found, "aspect_ratio", "enum");
  if (ratio?.options.includes(settings.aspectRatio)) input.aspect_ratio = settings.aspectRatio;
  else if (ratio) {
    const fallback = ratio.default === matchInput ? "Keeps the input image's shape" : `Renders ${ratio.default ?? "its default shape"}`;
    notes.push(`${fallback}: this model has no ${settings.aspectRatio}.`);
  } else notes.push(`Renders its own default shape: this model takes no aspect ratio.`);

  const images = param(found, "image_urls", "image_urls");
  const given = settings.imageUrls;
  if (images && (images.minItems ?? 0) > given.length) {
    const path = `panes.${index}.variant`;
    const message = given.length === 0 ? "needs a reference image" : `needs at least ${images.minItems} reference images`;
    throw new AppError("validation_error", `${path}: ${variant.displayName} ${message}.`, { param: path, issues: [{ path, message }] });
  }
  if (images && given.length > 0) {
    input.image_urls = given.slice(0, images.maxItems);
    if (given.length > images.maxItems) notes.push(`Uses the first ${images.maxItems} of ${given.length} reference images: this model takes no more.`);
  } else if (given.length > 0) notes.push("Ignores the reference images: this model works from the prompt alone.");

  return { input: parseInput(found, input, `panes.${index}.params`), notes };
}
