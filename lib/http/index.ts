export { httpErrors } from "./errors";
export { errorBody, errorResponse, successBody, successResponse, type Envelope } from "./envelopes";
export { apiRoute, newRequestId, type ApiRoute, type RouteDoc } from "./route";
export { baseUrlOf } from "./base-url";
export { webhookRoute } from "./webhook-route";
export { errorDocUrl } from "./error-docs";
