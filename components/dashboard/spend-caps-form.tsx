"use client";

import { useRouter } from "next/navigation";
import { type FocusEvent, type FormEvent, useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { spendCapsInput } from "@/lib/auth/schemas";
import { Field, type FieldErrors, fieldToCheckOnBlur, FormMessage, schemaFieldErrors } from "./field";

type CapsForm = { dailyUsd: string; monthlyUsd: string };
type SaveCaps = (input: CapsForm) => Promise<ActionResult<unknown>>;

/** Micro-USD as a plain dollar figure for an input: 5_000_000 -> "5", 12_500_000 -> "12.5". */
function toInput(micros: number | null): string {
  return micros === null ? "" : String(micros / 1_000_000);
}

function readCaps(form: HTMLFormElement): CapsForm {
  const data = new FormData(form);
  return { dailyUsd: String(data.get("dailyUsd") ?? ""), monthlyUsd: String(data.get("monthlyUsd") ?? "") };
}

function focusFirstInvalid(form: HTMLFormElement, errors: FieldErrors) {
  const first = Object.keys(errors).find((name) => errors[name]?.length);
  if (first) form.querySelector<HTMLInputElement>(`[name="${first}"]`)?.focus();
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
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});

  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const field = fieldToCheckOnBlur(event, (name) => Boolean(fieldErrors[name]));
    if (!field) return;
    const { name } = field;
    const errors = schemaFieldErrors(spendCapsInput, readCaps(event.currentTarget));
    setFieldErrors((current) => ({ ...current, [name]: errors[name] }));
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const input = readCaps(form);
    setResult(null);
    const errors = schemaFieldErrors(spendCapsInput, input);
    setFieldErrors(errors);
    if (Object.keys(errors).length > 0) return focusFirstInvalid(form, errors);
    startTransition(async () => {
      const outcome = await save(input).catch(
        (): ActionResult<unknown> => ({ ok: false, error: "We couldn't reach the server. Try again." }),
      );
      setResult(outcome);
      if (outcome.ok) {
        router.refresh();
      } else {
        setFieldErrors(outcome.fieldErrors ?? {});
        focusFirstInvalid(form, outcome.fieldErrors ?? {});
      }
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} onBlur={onBlur} className="space-y-4" aria-label="Spend caps">
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
