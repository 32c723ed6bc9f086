import type { BadgeTone } from "@/components/ui/badge";
import type { ServingStatus } from "@/lib/catalog/serving";
import type { Modality, ModelTask } from "@/lib/catalog/types";

export const taskLabels: Record<ModelTask, string> = {
  text_to_image: "Text to image",
  image_to_image: "Image to image",
  edit: "Edit",
};

export const modalityLabels: Record<Modality, string> = {
  image: "Image",
  video: "Video",
  audio: "Audio",
  text: "Text",
};

export const statusLabels: Record<ServingStatus, string> = {
  operational: "Operational",
  simulated: "Simulated",
  degraded: "Degraded",
  maintenance: "Maintenance",
  disabled: "Disabled",
};

/** What each badge claims, in words: its tooltip and the text screen readers hear. */
export const statusDescriptions: Record<ServingStatus, string> = {
  operational: "Served by a real upstream provider that is answering normally.",
  simulated: "Results are placeholder images from the built-in simulator: no upstream provider is configured for this model.",
  degraded: "Most recent requests to this model's upstream providers failed; expect errors. Failed generations are not charged.",
  maintenance: "Paused for maintenance: requests are refused with code 455 until it is back.",
  disabled: "Switched off on this gateway: requests are refused with code 505.",
};

export const statusTones: Record<ServingStatus, BadgeTone> = {
  operational: "success",
  simulated: "neutral",
  degraded: "warning",
  maintenance: "neutral",
  disabled: "danger",
};

/** Release dates are calendar dates, so they are formatted in UTC to avoid an off-by-one day. */
export function formatReleaseDate(isoDate: string): string {
  return new Date(`${isoDate}T00:00:00Z`).toLocaleDateString("en-US", {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
}
