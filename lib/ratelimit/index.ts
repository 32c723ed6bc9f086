export { consume, type ConsumeOptions, type RateLimitResult } from "./consume";
export { rateLimitHeaders } from "./headers";
export { acquireTaskSlot, releaseTaskSlot } from "./task-slots";
