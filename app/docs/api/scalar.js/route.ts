import { scalarBundle } from "@/lib/docs/scalar";

// GET /docs/api/scalar.js?v=<version>: the API reference's renderer; the version in the URL makes it cacheable for good.
export async function GET(req: Request): Promise<Response> {
  const { version, body } = await scalarBundle();
  const immutable = new URL(req.url).searchParams.get("v") === version;
  return new Response(new Uint8Array(body), {
    headers: {
      "content-type": "text/javascript; charset=utf-8",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
