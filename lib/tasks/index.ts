import "server-only";

export { cancelTask } from "./cancel";
export { createTask, insertTask, parseInput, variantForRequest, type NewTask, type TaskSurface } from "./create";
export { getTaskInfo, getTaskInfos } from "./read";
export { cancelTaskBody, createTaskBody, downloadUrlBody, recordInfoQuery, taskIdSchema } from "./schemas";
export { mediaUrl, thumbnailUrl, toRecordInfo, type RecordInfo } from "./view";
export { waitForTasks } from "./wait";
