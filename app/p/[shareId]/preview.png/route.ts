import { baseUrlOf } from "@/lib/http";
import { sharedRunPreview } from "@/lib/playground/shared-preview";

// Short-lived: the panes of a shared run may still be finishing, and an unshared link should stop previewing soon.
const CACHE_CONTROL = "public, max-age=300";

// GET /p/{shareId}/preview.png: the 1200x630 social card of a shared run (Open Graph and Twitter).
export async function GET(req: Request, { params }: { params: Promise<{ shareId: string }> }) {
  const png = await sharedRunPreview((await params).shareId, baseUrlOf(req));
  if (!png) {
    return new Response("Not found: this run is not shared.", {
      status: 404,
      headers: { "content-type": "text/plain; charset=utf-8", "cache-control": "no-store" },
    });
  }
  return new Response(png as BodyInit, {
    headers: { "content-type": "image/png", "content-length": String(png.byteLength), "cache-control": CACHE_CONTROL },
  });
}
