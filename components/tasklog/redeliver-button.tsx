"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";
import { useAction } from "@/components/dashboard/use-action";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";

type Redeliver = (input: { taskId: string }) => Promise<ActionResult<{ deliveryId: string }>>;

/** Queues one more delivery of the task's callback; `blocked` says why it cannot, and disables the button. */
export function RedeliverButton({ run, taskId, blocked }: { run: Redeliver; taskId: string; blocked: string | null }) {
  const router = useRouter();
  const { pending, result, submit } = useAction(run);
  const isQueued = result?.ok === true;
  // The new attempt shows in the list once the worker made it: reload the page's data.
  useEffect(() => {
    if (isQueued) router.refresh();
  }, [isQueued, router]);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <Button variant="outline" size="sm" disabled={pending || blocked !== null} onClick={() => submit({ taskId })} aria-describedby={blocked ? "redeliver-blocked" : undefined}>
        {pending ? "Queuing..." : "Redeliver"}
      </Button>
      {blocked && !result && (
        <span id="redeliver-blocked" className="text-muted-foreground">
          {blocked}
        </span>
      )}
      {result && <span role="status">{result.ok ? "Queued: one more delivery is on its way." : result.error}</span>}
    </div>
  );
}
