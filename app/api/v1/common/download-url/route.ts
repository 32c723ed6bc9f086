import { z } from "zod";
import { AppError } from "@/lib/errors";
import { apiRoute, baseUrlOf } from "@/lib/http";
import { extensionFor } from "@/lib/media";
import { signedDownloadUrl } from "@/lib/media/links";
import { findAccountMediaByUrl } from "@/lib/media/lookup";
import type { MediaContentType } from "@/lib/media";
import { downloadUrlBody } from "@/lib/tasks";

// POST /api/v1/common/download-url {url}: a temporary URL that downloads one of your result images.
export const POST = apiRoute(
  {
    envelope: "task",
    auth: "apiKey",
    scope: ["read", "generate"],
    body: downloadUrlBody,
    doc: {
      summary: "A temporary download link for one of your result images",
      tags: ["Tasks"],
      response: z.url().meta({ description: "Valid for 20 minutes; downloads as an attachment" }),
      errors: ["not_found"],
    },
  },
  async ({ req, body, key }) => {
    const media = await findAccountMediaByUrl(key.accountId, body.url);
    if (!media) {
      throw new AppError("not_found", "That URL is not a result image of this account (or it has expired).", { param: "url" });
    }
    return signedDownloadUrl(baseUrlOf(req), media.id, extensionFor(media.contentType as MediaContentType)).url;
  },
);
