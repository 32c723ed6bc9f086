import "server-only";

export { getTaskDetailOrThrow, type TaskDetail, type TimelineStep } from "./detail";
export { taskLogCsvStream } from "./export";
export { listApiTasks } from "./list-api";
export { hasFilters, listTaskLog, parseTaskLogQuery, taskLogSearch, type TaskLogPage, type TaskLogQuery, type TaskLogRow } from "./query";
export { redeliverCallback } from "./redeliver";
export { listTasksData, listTasksQuery, type TaskLogFilters, type TaskLogState } from "./schemas";
