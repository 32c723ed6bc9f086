export { ApiError, apiErrorCodes, validationError, type ApiErrorCode } from "./errors";
export { errorResponse, successResponse, type Envelope } from "./envelopes";
export { apiRoute, newRequestId } from "./route";
