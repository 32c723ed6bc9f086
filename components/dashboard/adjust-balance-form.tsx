"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { formatUsd } from "@/lib/catalog/pricing";
import { Field, FormMessage } from "./field";

type Adjust = (input: {
  accountId: string;
  amountUsd: string;
  reason: string;
}) => Promise<ActionResult<{ availableMicros: number }>>;

export function AdjustBalanceForm({ adjust, accountId }: { adjust: Adjust; accountId: string }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ availableMicros: number }> | null>(null);
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      accountId,
      amountUsd: String(data.get("amountUsd") ?? ""),
      reason: String(data.get("reason") ?? ""),
    };
    setResult(null);
    startTransition(async () => {
      const outcome = await adjust(input).catch(
        (): ActionResult<{ availableMicros: number }> => ({ ok: false, error: "We couldn't reach the server. Try again." }),
      );
      setResult(outcome);
      if (outcome.ok) {
        form.reset();
        router.refresh();
      }
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Adjust balance">
      {result && !result.ok && <FormMessage tone="error">{result.error}</FormMessage>}
      {result?.ok && (
        <FormMessage tone="success">
          Balance adjusted. It is now {formatUsd(result.data.availableMicros)}.
        </FormMessage>
      )}
      <div className="grid gap-4 sm:grid-cols-[12rem_1fr]">
        <Field
          id="amountUsd"
          name="amountUsd"
          label="Amount (USD)"
          prefix="$"
          inputMode="decimal"
          autoComplete="off"
          required
          hint="Negative to remove credit, e.g. -2.50."
          errors={fieldErrors.amountUsd}
        />
        <Field
          id="reason"
          name="reason"
          label="Reason"
          autoComplete="off"
          required
          maxLength={200}
          hint="Recorded in the account's ledger, with you as the actor."
          errors={fieldErrors.reason}
        />
      </div>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Adjusting…" : "Adjust balance"}
      </Button>
    </form>
  );
}
