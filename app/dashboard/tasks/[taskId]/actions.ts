"use server";

import { z } from "zod";
import { action } from "@/lib/auth";
import { redeliverCallback } from "@/lib/tasklog";
import { taskIdSchema } from "@/lib/tasks";

export const redeliverAction = action(z.object({ taskId: taskIdSchema }), (input, user) => redeliverCallback(user.accountId, input.taskId));
