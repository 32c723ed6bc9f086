"use server";

import { z } from "zod";
import { requestBaseUrl } from "@/components/site/request-base-url";
import { action } from "@/lib/auth";
import {
  autoRechargeInput,
  getTopUpStatus,
  notifyBelowInput,
  setAutoRecharge,
  setNotifyBelow,
  startTopUp,
  startTopUpInput,
} from "@/lib/payments";

export const startTopUpAction = action(startTopUpInput, async (input, user) => {
  const { url } = await startTopUp({ ...input, accountId: user.accountId, baseUrl: await requestBaseUrl() });
  return { url };
});

export const topUpStatusAction = action(z.object({ sessionId: z.string().regex(/^cs_\w{1,250}$/) }), (input, user) =>
  getTopUpStatus(user.accountId, input.sessionId),
);

export const saveAutoRechargeAction = action(autoRechargeInput, (input, user) => setAutoRecharge(user.accountId, input));

export const saveNotifyBelowAction = action(notifyBelowInput, (input, user) => setNotifyBelow(user.accountId, input));
