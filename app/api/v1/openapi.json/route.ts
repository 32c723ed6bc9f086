import { apiRoute, baseUrlOf, type ApiRoute } from "@/lib/http";
import { openApiDocument } from "@/lib/http/openapi";
import { documentedPaths } from "./paths";

// GET /api/v1/openapi.json: the OpenAPI 3.1 document of this API.
export const GET: ApiRoute = apiRoute(
  { envelope: "openai", doc: { summary: "This API's OpenAPI 3.1 document", tags: ["Meta"] } },
  async ({ req }) => openApiDocument([...documentedPaths, { path: "/api/v1/openapi.json", methods: { GET } }], baseUrlOf(req)),
);
