export { consume, type ConsumeOptions, type RateLimitResult } from "./consume";
export { rateLimitHeaders } from "./headers";
export { releaseTaskSlot } from "./task-slots";
