import "server-only";

export { getDailyUsage } from "./daily";
export { getUsagePage, type ModelFigures, type Option, type Series, type DayPoint, type UsageFigures, type UsagePage } from "./figures";
export { recentTasks, spendSparkline, type RecentTask } from "./recent";
export { usageData, usageQuery, usageHref, type UsageSearch, type UsageView } from "./schemas";
