import { serveMedia } from "@/lib/media/serve";

// GET /media/{med_id}.{png|jpg|webp} and /media/{med_id}.thumb.webp: result images, from our own storage.
export async function GET(req: Request, { params }: { params: Promise<{ file: string }> }) {
  return serveMedia((await params).file, new URL(req.url).searchParams);
}
