import { AppError } from "@/lib/errors";
import { apiRoute } from "@/lib/http";

// Anything else under /replicate/v1 (files, models, deployments, trainings, ...) is not offered
// here: it gets a problem-details 404 the client shows, rather than an HTML page.
const notFound = apiRoute({ envelope: "replicate" }, async ({ req }) => {
  throw new AppError(
    "not_found",
    `No such endpoint: ${req.method} ${new URL(req.url).pathname}. This Replicate-compatible API runs predictions only (create, get, cancel, list).`,
  );
});

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
