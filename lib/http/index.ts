export { ApiError, apiErrorCodes, type ApiErrorCode } from "./errors";
export { errorResponse, successResponse, type Envelope } from "./envelopes";
export { apiRoute, newRequestId, validationError } from "./route";
