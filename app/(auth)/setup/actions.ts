"use server";

import { z } from "zod";
import { action, claimAdmin } from "@/lib/auth";

export const becomeAdmin = action(z.object({ token: z.string().max(200) }), async ({ token }, user) => {
  await claimAdmin(user.id, token);
  return null;
});
