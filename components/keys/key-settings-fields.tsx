"use client";

import { type FocusEvent, type ReactNode, useState } from "react";
import type { ZodType } from "zod";
import { Field, type FieldErrors, fieldToCheckOnBlur, schemaFieldErrors } from "@/components/dashboard/field";
import { DEFAULT_RATE_PER_10S, MAX_RATE_PER_10S } from "@/lib/keys/limits";
import type { KeyScope } from "@/lib/keys/schemas";

const scopeOptions = [
  { value: "generate", label: "Generate", hint: "Create image tasks (spends credit)" },
  { value: "read", label: "Read", hint: "Read tasks, models and the balance" },
] as const;

/** A radio button or checkbox with its label and hint on a card that shows when it is checked. */
export function Choice({
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
    <label className="flex cursor-pointer gap-3 rounded-md border p-3 has-[:checked]:border-primary has-[:checked]:bg-accent has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-ring">
      <input type={type} name={name} value={value} defaultChecked={defaultChecked} className="mt-1 accent-primary" />
      <span className="text-sm">
        <span className="block font-medium">{label}</span>
        <span className="text-muted-foreground">{hint}</span>
      </span>
    </label>
  );
}

// A date input holds a day; the key should work through the end of that day where the user is.
export function endOfLocalDay(day: string): string {
  const date = new Date(`${day}T23:59:59.999`);
  return Number.isNaN(date.getTime()) ? day : date.toISOString();
}

/** The local calendar day of a moment, as a date input's value. */
export function localDay(date: Date): string {
  return new Date(date.getTime() - date.getTimezoneOffset() * 60_000).toISOString().slice(0, 10);
}

export type KeySettingsValues = {
  name: string;
  scopes: KeyScope[];
  /** A date input's value: "" for never. */
  expiresOn: string;
  ratePer10s: string;
  dailyCapUsd: string;
};

export function readKeySettings(data: FormData): KeySettingsValues {
  return {
    name: String(data.get("name") ?? ""),
    scopes: data.getAll("scopes").map(String) as KeyScope[],
    expiresOn: String(data.get("expiresOn") ?? ""),
    ratePer10s: String(data.get("ratePer10s") ?? ""),
    dailyCapUsd: String(data.get("dailyCapUsd") ?? ""),
  };
}

export type FormErrors = { form?: string; fields: FieldErrors };

// The schemas key the expiry as the instant it ends; the input holds the day.
const schemaKey = (inputName: string) => (inputName === "expiresOn" ? "expiresAt" : inputName);

/**
 * The key dialogs' messages: from `schema` (the one the server action parses with) when a field is
 * left or the form is submitted, and from the action's answer.
 */
export function useKeyFormErrors<I>(schema: ZodType, read: (form: HTMLFormElement) => I) {
  const [errors, setErrors] = useState<FormErrors>({ fields: {} });

  function onBlur(event: FocusEvent<HTMLFormElement>) {
    const field = fieldToCheckOnBlur(event, (name) => Boolean(errors.fields[schemaKey(name)]));
    if (!field) return;
    const key = schemaKey(field.name);
    const found = schemaFieldErrors(schema, read(event.currentTarget));
    setErrors((current) => ({ ...current, fields: { ...current.fields, [key]: found[key] } }));
  }

  /** The form's input when the schema accepts it; otherwise null, with the messages shown and the first invalid field focused. */
  function check(form: HTMLFormElement): I | null {
    const input = read(form);
    const found = schemaFieldErrors(schema, input);
    setErrors({ fields: found });
    const first = Object.keys(found)[0];
    if (first === undefined) return input;
    const inputName = first === "expiresAt" ? "expiresOn" : first;
    form.querySelector<HTMLInputElement>(`[name="${inputName}"]`)?.focus();
    return null;
  }

  return { errors, setErrors, onBlur, check };
}

export function KeySettingsFields({
  idPrefix,
  defaults,
  errors,
  afterName,
}: {
  idPrefix: string;
  defaults: KeySettingsValues;
  errors: FieldErrors;
  /** Fields that sit between the name and the scopes (the create form's mode). */
  afterName?: ReactNode;
}) {
  const scopesErrorId = `${idPrefix}-scopes-error`;
  return (
    <>
      <Field
        id={`${idPrefix}-name`}
        name="name"
        label="Name"
        placeholder="e.g. Production server"
        maxLength={64}
        required
        autoComplete="off"
        defaultValue={defaults.name}
        hint="Only for you, to tell keys apart."
        errors={errors.name}
      />
      {afterName}
      <fieldset
        className="space-y-2"
        aria-describedby={errors.scopes ? scopesErrorId : undefined}
        aria-invalid={errors.scopes ? true : undefined}
      >
        <legend className="text-sm font-medium">Scopes</legend>
        <div className="grid gap-2 sm:grid-cols-2">
          {scopeOptions.map((option) => (
            <Choice key={option.value} type="checkbox" name="scopes" {...option} defaultChecked={defaults.scopes.includes(option.value)} />
          ))}
        </div>
        {errors.scopes && (
          <p id={scopesErrorId} className="text-sm text-danger">
            {errors.scopes.join(" ")}
          </p>
        )}
      </fieldset>
      <div className="grid gap-4 sm:grid-cols-3">
        <Field
          id={`${idPrefix}-expires`}
          name="expiresOn"
          type="date"
          min={localDay(new Date())}
          label="Expires"
          defaultValue={defaults.expiresOn}
          hint="Optional. Blank: never."
          errors={errors.expiresAt}
        />
        <Field
          id={`${idPrefix}-rate`}
          name="ratePer10s"
          inputMode="numeric"
          autoComplete="off"
          placeholder={String(DEFAULT_RATE_PER_10S)}
          label="Requests per 10 s"
          defaultValue={defaults.ratePer10s}
          hint={`Optional. Default ${DEFAULT_RATE_PER_10S}, at most ${MAX_RATE_PER_10S.toLocaleString("en-US")}.`}
          errors={errors.ratePer10s}
        />
        <Field
          id={`${idPrefix}-cap`}
          name="dailyCapUsd"
          inputMode="decimal"
          autoComplete="off"
          prefix="$"
          placeholder="No cap"
          label="Daily spend cap"
          defaultValue={defaults.dailyCapUsd}
          hint="Optional, in USD."
          errors={errors.dailyCapUsd}
        />
      </div>
    </>
  );
}
