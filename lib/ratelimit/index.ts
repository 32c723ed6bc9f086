export { consume, peek, refund, resetLimit, type ConsumeOptions, type RateLimitResult } from "./consume";
export { rateLimitHeaders } from "./headers";
export { releaseTaskSlot } from "./task-slots";
export { clientAddress, PEER_HEADER } from "./client-address";
