"use client";

import { MailCheck } from "lucide-react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { useAction } from "./use-action";

type Resend = (input: Record<string, never>) => Promise<ActionResult<null>>;

/** The sign-up credit still to come: confirm the address (with a resend button), or wait for the operator. */
export function GrantNotice({ kind, amount, email, resend }: { kind: "verify_email" | "approval"; amount: string; email: string; resend: Resend }) {
  const { pending, result, submit } = useAction(resend);
  const answer = result ? (result.ok ? `Sent. Check ${email} (and its spam folder).` : result.error) : null;
  return (
    <div role="status" className="flex flex-wrap items-center gap-3 rounded-xl border border-primary/30 bg-primary/5 px-4 py-3 text-sm">
      <MailCheck aria-hidden className="size-5 shrink-0 text-primary" />
      <p className="min-w-0 flex-1">
        {kind === "verify_email"
          ? `Confirm your email to receive ${amount} of free credit: we sent a link to ${email}.`
          : `Your ${amount} of free credit is waiting for the operator's approval.`}
        {answer && <span className="block text-muted-foreground">{answer}</span>}
      </p>
      {kind === "verify_email" && (
        <Button size="sm" variant="outline" disabled={pending} onClick={() => submit({})}>
          {pending ? "Sending..." : "Send the link again"}
        </Button>
      )}
    </div>
  );
}
