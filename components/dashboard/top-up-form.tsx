"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { formatCredits, formatUsd, MICROS_PER_CREDIT, MICROS_PER_USD, parseUsdToMicros } from "@/lib/catalog/pricing";
import { imagesFor, MICROS_PER_CENT } from "@/lib/payments/amounts";
import { creditsAfterFee } from "@/lib/billing/tiers";
import { cn } from "@/lib/utils/cn";
import { Field, FormMessage } from "./field";

type StartTopUp = (input: { amountUsd: string; requestToken: string }) => Promise<ActionResult<{ url: string }>>;
type ReferenceModel = { slug: string; name: string; priceMicros: number };

const countFormat = new Intl.NumberFormat("en-US");

// getRandomValues works on plain-http instances too, where crypto.randomUUID does not exist.
function newRequestToken(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * Presets and a custom amount, what the amount buys, and a button that opens Stripe Checkout. The
 * request token is made once per amount, so a double click submits the same top-up twice and the
 * server opens one session for both.
 */
export function TopUpForm({
  startTopUp,
  presetsUsd,
  minUsd,
  maxUsd,
  models,
  feePercent,
}: {
  startTopUp: StartTopUp;
  presetsUsd: readonly number[];
  minUsd: number;
  maxUsd: number;
  models: ReferenceModel[];
  /** The platform fee taken at top-up (pass-through pricing); 0 when every dollar becomes credit. */
  feePercent: number;
}) {
  const [amountUsd, setAmountUsd] = useState(String(presetsUsd[0] ?? minUsd));
  const [requestToken, setRequestToken] = useState(newRequestToken);
  const [isPending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ url: string }> | null>(null);

  const parsed = parseUsdToMicros(amountUsd);
  const micros =
    parsed !== null && parsed % MICROS_PER_CENT === 0 && parsed >= minUsd * MICROS_PER_USD && parsed <= maxUsd * MICROS_PER_USD
      ? parsed
      : null;
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  function choose(value: string) {
    setAmountUsd(value);
    setRequestToken(newRequestToken());
    setResult(null);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    startTransition(async () => {
      const outcome = await startTopUp({ amountUsd, requestToken }).catch(
        (): ActionResult<{ url: string }> => ({ ok: false, error: "We couldn't reach the server. Try again." }),
      );
      setResult(outcome);
      // Stays pending while the browser leaves for Checkout, so the button cannot be pressed again.
      if (outcome.ok) window.location.assign(outcome.data.url);
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Top up">
      {result && !result.ok && <FormMessage tone="error">{result.error}</FormMessage>}
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium">Amount</legend>
        <div className="flex flex-wrap gap-2">
          {presetsUsd.map((usd) => (
            <Button
              key={usd}
              type="button"
              variant={amountUsd === String(usd) ? "primary" : "outline"}
              aria-pressed={amountUsd === String(usd)}
              onClick={() => choose(String(usd))}
            >
              {formatUsd(usd * MICROS_PER_USD, { digits: 0 })}
            </Button>
          ))}
        </div>
      </fieldset>
      <Field
        id="amountUsd"
        name="amountUsd"
        label="Or another amount (USD)"
        prefix="$"
        inputMode="decimal"
        autoComplete="off"
        value={amountUsd}
        onChange={(e) => choose(e.target.value)}
        hint={`Between ${formatUsd(minUsd * MICROS_PER_USD)} and ${formatUsd(maxUsd * MICROS_PER_USD)}.`}
        errors={fieldErrors.amountUsd}
        className="max-w-xs"
      />
      <div aria-live="polite" className={cn("rounded-md bg-muted/50 p-3 text-sm", micros === null && "text-muted-foreground")}>
        {micros !== null ? (
          <>
            <p>
              <span className="font-medium">{formatUsd(micros)}</span> buys{" "}
              <span className="font-medium" data-testid="topup-credits">
                {formatCredits(creditsAfterFee(micros, feePercent))} credits
              </span>{" "}
              (1 credit = {formatUsd(MICROS_PER_CREDIT)}{feePercent > 0 ? `, after the ${feePercent}% platform fee` : ""}), for example:
            </p>
            <ul className="mt-1 list-disc pl-5">
              {models.map((model) => (
                <li key={model.slug}>
                  {countFormat.format(imagesFor(creditsAfterFee(micros, feePercent), model.priceMicros))} images of {model.name} at{" "}
                  {formatUsd(model.priceMicros)} each
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p>Enter an amount between {formatUsd(minUsd * MICROS_PER_USD)} and {formatUsd(maxUsd * MICROS_PER_USD)}, in dollars and cents.</p>
        )}
      </div>
      <Button type="submit" disabled={micros === null || isPending}>
        {isPending ? "Opening checkout…" : micros !== null ? `Pay ${formatUsd(micros)} by card` : "Pay by card"}
      </Button>
      <p className="text-xs text-muted-foreground">
        Payment goes through Stripe Checkout; credit is added as soon as Stripe confirms it.
      </p>
    </form>
  );
}
