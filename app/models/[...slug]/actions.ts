"use server";

import { z } from "zod";
import { adminAction } from "@/lib/auth";
import { unpinExample } from "@/lib/catalog";

export const unpinExampleAction = adminAction(z.object({ variantSlug: z.string().min(1).max(200) }), async (input, admin) => ({
  removed: await unpinExample(admin, input.variantSlug),
}));
