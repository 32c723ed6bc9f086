"use client";

import { useRouter } from "next/navigation";
import { useEffect, useState, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { formatUsd } from "@/lib/catalog/pricing";
import { DEFAULT_NOTIFY_BELOW_MICROS } from "@/lib/payments/notices";
import { Field, FormMessage } from "./field";
import { useAction } from "./use-action";

type SaveAutoRecharge = (input: { enabled: boolean; thresholdUsd: string; amountUsd: string }) => Promise<ActionResult<unknown>>;
type SaveNotifyBelow = (input: { notifyBelowUsd: string }) => Promise<ActionResult<unknown>>;

export type AutoRechargeView = {
  autoRechargeEnabled: boolean;
  autoRechargeThresholdMicros: number | null;
  autoRechargeAmountMicros: number | null;
  notifyBelowMicros: number | null;
  card: { brand: string | null; last4: string | null } | null;
  failure: string | null;
};

const toInput = (micros: number | null, fallback: string) => (micros === null ? fallback : String(micros / 1_000_000));

function useRefreshOnSuccess(result: ActionResult<unknown> | null) {
  const router = useRouter();
  useEffect(() => {
    if (result?.ok) router.refresh();
  }, [result, router]);
}

/** Auto-recharge on /dashboard/billing: off by default, and only possible with a card saved by a top-up. */
export function AutoRechargeForm({ save, settings, minUsd }: { save: SaveAutoRecharge; settings: AutoRechargeView; minUsd: number }) {
  const { pending, result, submit, fieldErrors } = useAction(save);
  const [enabled, setEnabled] = useState(settings.autoRechargeEnabled);
  useRefreshOnSuccess(result);
  const { card } = settings;

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    submit({ enabled, thresholdUsd: String(data.get("thresholdUsd") ?? ""), amountUsd: String(data.get("amountUsd") ?? "") });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Auto-recharge">
      {settings.failure && (
        <FormMessage tone="error">
          Auto-recharge failed: {settings.failure}. It is off until you turn it on again; update your card by topping up once.
        </FormMessage>
      )}
      {result && !result.ok && <FormMessage tone="error">{result.error}</FormMessage>}
      {result?.ok && <FormMessage tone="success">Auto-recharge settings saved.</FormMessage>}
      <p className="text-sm text-muted-foreground">
        {card
          ? `Charges your saved card (${card.brand ?? "card"} ending ${card.last4 ?? "····"}) when the balance falls below the threshold, at most once an hour. A new card top-up replaces the saved card.`
          : "No card is saved yet: the card you pay your next top-up with is saved, and auto-recharge can then charge it."}
      </p>
      <label className="flex items-center gap-2 text-sm font-medium">
        <input
          type="checkbox"
          name="enabled"
          checked={enabled}
          disabled={!card}
          onChange={(event) => setEnabled(event.currentTarget.checked)}
        />
        Recharge automatically
      </label>
      <div className="grid gap-4 sm:grid-cols-2">
        <Field
          id="thresholdUsd"
          name="thresholdUsd"
          label="When the balance falls below (USD)"
          prefix="$"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={toInput(settings.autoRechargeThresholdMicros, "5")}
          errors={fieldErrors.thresholdUsd}
        />
        <Field
          id="amountUsd"
          name="amountUsd"
          label="Add (USD)"
          prefix="$"
          inputMode="decimal"
          autoComplete="off"
          defaultValue={toInput(settings.autoRechargeAmountMicros, String(Math.max(minUsd, 10)))}
          hint={`At least ${formatUsd(minUsd * 1_000_000)}.`}
          errors={fieldErrors.amountUsd}
        />
      </div>
      <Button type="submit" disabled={pending || !card}>
        {pending ? "Saving…" : "Save auto-recharge"}
      </Button>
    </form>
  );
}

/** The balance below which the dashboard warns and a mail is sent, while auto-recharge is off. */
export function NotifyBelowForm({ save, notifyBelowMicros, mailAvailable }: { save: SaveNotifyBelow; notifyBelowMicros: number | null; mailAvailable: boolean }) {
  const { pending, result, submit, fieldErrors } = useAction(save);
  useRefreshOnSuccess(result);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit({ notifyBelowUsd: String(new FormData(event.currentTarget).get("notifyBelowUsd") ?? "") });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Low-balance notice">
      {result && !result.ok && <FormMessage tone="error">{result.error}</FormMessage>}
      {result?.ok && <FormMessage tone="success">Saved.</FormMessage>}
      <Field
        id="notifyBelowUsd"
        name="notifyBelowUsd"
        label="Warn me below (USD)"
        prefix="$"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={toInput(notifyBelowMicros, String(DEFAULT_NOTIFY_BELOW_MICROS / 1_000_000))}
        hint={
          mailAvailable
            ? "A banner in the dashboard, and one mail each time the balance crosses it. With auto-recharge on, its threshold is used."
            : "A banner in the dashboard (this gateway sends no mail). With auto-recharge on, its threshold is used."
        }
        errors={fieldErrors.notifyBelowUsd}
      />
      <Button type="submit" variant="outline" disabled={pending}>
        {pending ? "Saving…" : "Save"}
      </Button>
    </form>
  );
}
