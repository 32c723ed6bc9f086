import "server-only";
import path from "node:path";
import { env } from "@/lib/env";
import { diskStorage } from "./disk-storage";
import { s3Storage } from "./s3-storage";
import type { MediaStorage } from "./storage";

const globalForMedia = globalThis as unknown as { lumigateMediaStorage?: MediaStorage };

/** The storage this deployment uses: an S3-compatible bucket when S3_BUCKET is set, else DATA_DIR/media. */
export function mediaStorage(): MediaStorage {
  return (globalForMedia.lumigateMediaStorage ??= env.S3_BUCKET
    ? s3Storage({
        bucket: env.S3_BUCKET,
        region: env.S3_REGION,
        endpoint: env.S3_ENDPOINT,
        accessKeyId: env.S3_ACCESS_KEY_ID!,
        secretAccessKey: env.S3_SECRET_ACCESS_KEY!,
        forcePathStyle: env.S3_FORCE_PATH_STYLE,
      })
    : diskStorage(path.resolve(env.DATA_DIR, "media")));
}
