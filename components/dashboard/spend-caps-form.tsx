"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { Field, FormMessage } from "./field";

type SaveCaps = (input: { dailyUsd: string; monthlyUsd: string }) => Promise<ActionResult<unknown>>;

/** Micro-USD as a plain dollar figure for an input: 5_000_000 -> "5", 12_500_000 -> "12.5". */
function toInput(micros: number | null): string {
  return micros === null ? "" : String(micros / 1_000_000);
}

export function SpendCapsForm({
  save,
  dailyMicros,
  monthlyMicros,
}: {
  save: SaveCaps;
  dailyMicros: number | null;
  monthlyMicros: number | null;
}) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = { dailyUsd: String(data.get("dailyUsd") ?? ""), monthlyUsd: String(data.get("monthlyUsd") ?? "") };
    setResult(null);
    startTransition(async () => {
      const outcome = await save(input).catch(
        (): ActionResult<unknown> => ({ ok: false, error: "We couldn't reach the server. Try again." }),
      );
      setResult(outcome);
      if (outcome.ok) {
        router.refresh();
      } else {
        const firstInvalid = Object.keys(outcome.fieldErrors ?? {})[0];
        if (firstInvalid) form.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus();
      }
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Spend caps">
      {result && !result.ok && <FormMessage tone="error">{result.error}</FormMessage>}
      {result?.ok && <FormMessage tone="success">Spend caps saved.</FormMessage>}
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="dailyUsd"
          name="dailyUsd"
          label="Daily cap (USD)"
          prefix="$"
          inputMode="decimal"
          autoComplete="off"
          placeholder="No cap"
          defaultValue={toInput(dailyMicros)}
          hint="Resets at midnight UTC. Leave empty for no cap."
          errors={fieldErrors.dailyUsd}
        />
        <Field
          id="monthlyUsd"
          name="monthlyUsd"
          label="Monthly cap (USD)"
          prefix="$"
          inputMode="decimal"
          autoComplete="off"
          placeholder="No cap"
          defaultValue={toInput(monthlyMicros)}
          hint="Resets on the 1st of the month, UTC. Leave empty for no cap."
          errors={fieldErrors.monthlyUsd}
        />
      </div>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving…" : "Save caps"}
      </Button>
    </form>
  );
}
