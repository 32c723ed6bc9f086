"use client";

import { useQuery } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { Card } from "@/components/ui/card";
import type { ActionResult } from "@/lib/auth/action";
import { formatCredits, formatUsd } from "@/lib/catalog/pricing";
import type { TopUpStatus } from "@/lib/payments/amounts";

type GetStatus = (input: { sessionId: string }) => Promise<ActionResult<TopUpStatus>>;

const POLL_MS = 1500;

/** Waits for Stripe's webhook to credit the top-up, then shows the new balance: no reload needed. */
export function TopUpReturn({ sessionId, getStatus }: { sessionId: string; getStatus: GetStatus }) {
  const router = useRouter();
  const { data, error } = useQuery({
    queryKey: ["top-up", sessionId],
    queryFn: async () => {
      const result = await getStatus({ sessionId });
      if (!result.ok) throw new Error(result.error);
      return result.data;
    },
    staleTime: 0,
    retry: 2,
    refetchInterval: (query) => (query.state.data?.state === "paid" || query.state.data?.state === "failed" ? false : POLL_MS),
  });
  const isPaid = data?.state === "paid";
  // The balance in the dashboard shell is rendered on the server: refresh it once the credit is in.
  useEffect(() => {
    if (isPaid) router.refresh();
  }, [isPaid, router]);

  return (
    <Card className="space-y-2 p-5" aria-live="polite">
      {error && !data ? (
        <p role="alert" className="text-sm text-danger">
          {error.message}
        </p>
      ) : isPaid ? (
        <>
          <h2 className="font-medium">Credits added: {formatUsd(data.amountMicros)}</h2>
          <p className="text-sm text-muted-foreground">Your balance is now</p>
          <p className="text-3xl font-semibold tracking-tight tabular-nums" data-testid="balance">
            {formatUsd(data.availableMicros)}
          </p>
          <p className="text-sm text-muted-foreground">{formatCredits(data.availableMicros)} credits</p>
        </>
      ) : data?.state === "processing" ? (
        <>
          <h2 className="font-medium">Payment submitted, waiting for your bank</h2>
          <p className="text-sm text-muted-foreground">
            This payment method takes a while to confirm (up to a few business days). The credit arrives on its own when it
            does; you can leave this page.
          </p>
        </>
      ) : data?.state === "failed" ? (
        <p role="alert" className="text-sm text-danger">
          The payment failed, and nothing was credited. Try again with another payment method.
        </p>
      ) : (
        <>
          <h2 className="font-medium">Payment received, credits arriving…</h2>
          <p className="text-sm text-muted-foreground">
            Waiting for Stripe to confirm the payment; this usually takes a few seconds.
          </p>
        </>
      )}
    </Card>
  );
}
