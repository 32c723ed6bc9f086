export {
  abandonIdempotencyKey,
  claimIdempotencyKey,
  completeIdempotencyKey,
  deleteExpiredIdempotencyKeys,
  parseIdempotencyKey,
  requestHash,
  type IdempotencyClaim,
  type StoredResult,
} from "./claim";
