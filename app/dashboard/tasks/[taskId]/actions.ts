"use server";

import { z } from "zod";
import { action, adminAction } from "@/lib/auth";
import { pinExample } from "@/lib/catalog";
import { MEDIA_ID_PATTERN } from "@/lib/media/keys";
import { redeliverCallback } from "@/lib/tasklog";
import { taskIdSchema } from "@/lib/tasks";

export const redeliverAction = action(z.object({ taskId: taskIdSchema }), (input, user) => redeliverCallback(user.accountId, input.taskId));

export const pinExampleAction = adminAction(
  z.object({ mediaId: z.string().regex(MEDIA_ID_PATTERN), variantSlug: z.string().min(1).max(200) }),
  async (input, admin) => ({ replaced: (await pinExample(admin, input)).replaced }),
);
