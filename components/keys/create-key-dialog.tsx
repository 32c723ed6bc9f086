"use client";

import { type FormEvent, useState, useTransition } from "react";
import { Field, FormMessage } from "@/components/dashboard/field";
import { Button } from "@/components/ui/button";
import type { KeyMode } from "@/lib/keys/format";
import { DEFAULT_RATE_PER_10S, MAX_RATE_PER_10S } from "@/lib/keys/limits";
import type { KeyScope } from "@/lib/keys/schemas";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { KeyServerActions } from "./keys-ui";

type Errors = { form?: string; fields: Record<string, string[] | undefined> };

const scopeOptions = [
  { value: "generate", label: "Generate", hint: "Create image tasks (spends credit)" },
  { value: "read", label: "Read", hint: "Read tasks, models and the balance" },
] as const;

const modeOptions = [
  { value: "live", label: "Live", hint: "Real models, charged to your balance" },
  { value: "test", label: "Test", hint: "Never charged; for development and CI" },
] as const;

/** A radio button or checkbox with its label and hint on a card that shows when it is checked. */
function Choice({
  type,
  name,
  value,
  label,
  hint,
  defaultChecked,
}: {
  type: "radio" | "checkbox";
  name: string;
  value: string;
  label: string;
  hint: string;
  defaultChecked: boolean;
}) {
  return (
    <label className="flex cursor-pointer gap-3 rounded-md border p-3 has-[:checked]:border-primary has-[:checked]:bg-accent">
      <input type={type} name={name} value={value} defaultChecked={defaultChecked} className="mt-1 accent-primary" />
      <span className="text-sm">
        <span className="block font-medium">{label}</span>
        <span className="text-muted-foreground">{hint}</span>
      </span>
    </label>
  );
}

// A date input holds a day; the key should work through the end of that day where the user is.
function endOfLocalDay(day: string): string {
  const date = new Date(`${day}T23:59:59.999`);
  return Number.isNaN(date.getTime()) ? day : date.toISOString();
}

function localToday(): string {
  const now = new Date();
  return new Date(now.getTime() - now.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export function CreateKeyDialog({
  createKey,
  open,
  onOpenChange,
  onCreated,
  onCloseAutoFocus,
}: {
  createKey: KeyServerActions["createKey"];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (secret: string) => void;
  onCloseAutoFocus: (event: Event) => void;
}) {
  const [errors, setErrors] = useState<Errors>({ fields: {} });
  const [isPending, startTransition] = useTransition();

  function close(next: boolean) {
    if (!next) setErrors({ fields: {} });
    onOpenChange(next);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const expiresOn = String(form.get("expiresOn") ?? "");
    const input = {
      name: String(form.get("name") ?? ""),
      mode: String(form.get("mode") ?? "") as KeyMode,
      scopes: form.getAll("scopes").map(String) as KeyScope[],
      expiresAt: expiresOn ? endOfLocalDay(expiresOn) : null,
      ratePer10s: String(form.get("ratePer10s") ?? ""),
      dailyCapUsd: String(form.get("dailyCapUsd") ?? ""),
    };
    startTransition(async () => {
      const result = await createKey(input);
      if (result.ok) {
        setErrors({ fields: {} });
        onCreated(result.data.key);
      } else {
        setErrors({ form: result.error, fields: result.fieldErrors ?? {} });
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent
        title="Create an API key"
        description="The key is shown once, right after you create it."
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <form onSubmit={onSubmit} noValidate className="space-y-5">
          {errors.form && <FormMessage tone="error">{errors.form}</FormMessage>}
          <Field
            id="key-name"
            name="name"
            label="Name"
            placeholder="e.g. Production server"
            maxLength={64}
            required
            autoComplete="off"
            hint="Only for you, to tell keys apart."
            errors={errors.fields.name}
          />
          <fieldset className="space-y-2">
            <legend className="text-sm font-medium">Mode</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {modeOptions.map((option) => (
                <Choice key={option.value} type="radio" name="mode" {...option} defaultChecked={option.value === "live"} />
              ))}
            </div>
          </fieldset>
          <fieldset className="space-y-2" aria-describedby={errors.fields.scopes ? "key-scopes-error" : undefined}>
            <legend className="text-sm font-medium">Scopes</legend>
            <div className="grid gap-2 sm:grid-cols-2">
              {scopeOptions.map((option) => (
                <Choice key={option.value} type="checkbox" name="scopes" {...option} defaultChecked />
              ))}
            </div>
            {errors.fields.scopes && (
              <p id="key-scopes-error" className="text-sm text-danger">
                {errors.fields.scopes.join(" ")}
              </p>
            )}
          </fieldset>
          <div className="grid gap-4 sm:grid-cols-3">
            <Field
              id="key-expires"
              name="expiresOn"
              type="date"
              min={localToday()}
              label="Expires"
              hint="Optional. Blank: never."
              errors={errors.fields.expiresAt}
            />
            <Field
              id="key-rate"
              name="ratePer10s"
              type="number"
              inputMode="numeric"
              min={1}
              max={MAX_RATE_PER_10S}
              step={1}
              placeholder={String(DEFAULT_RATE_PER_10S)}
              label="Requests per 10 s"
              hint={`Optional. Default ${DEFAULT_RATE_PER_10S}.`}
              errors={errors.fields.ratePer10s}
            />
            <Field
              id="key-cap"
              name="dailyCapUsd"
              inputMode="decimal"
              prefix="$"
              placeholder="No cap"
              label="Daily spend cap"
              hint="Optional, in USD."
              errors={errors.fields.dailyCapUsd}
            />
          </div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="outline" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isPending}>
              {isPending ? "Creating…" : "Create key"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
