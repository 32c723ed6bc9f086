import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http";

// Anything under /api/v1 without a route gets the API's 404 envelope rather than an HTML page.
const notFound = apiRoute({ envelope: "openai" }, async ({ req }) => {
  throw new AppError("not_found", `No such endpoint: ${req.method} ${new URL(req.url).pathname}`);
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
