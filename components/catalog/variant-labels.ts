import type { BadgeTone } from "@/components/ui/badge";
import type { Modality, ModelTask, VariantStatus } from "@/lib/catalog/types";

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

export const statusLabels: Record<VariantStatus, string> = {
  operational: "Operational",
  maintenance: "Maintenance",
  disabled: "Disabled",
};

export const statusTones: Record<VariantStatus, BadgeTone> = {
  operational: "success",
  maintenance: "warning",
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
