"use client";

import { useState, useTransition, type FormEvent } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { PASSWORD_MIN } from "@/lib/auth/password-rules";
import { Field, FormMessage } from "./field";

type SavePassword = (input: { currentPassword?: string; newPassword: string }) => Promise<ActionResult<unknown>>;

export function PasswordForm({ save, hasPassword }: { save: SavePassword; hasPassword: boolean }) {
  const [isPending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<unknown> | null>(null);
  const fieldErrors = result && !result.ok ? (result.fieldErrors ?? {}) : {};

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      ...(hasPassword ? { currentPassword: String(data.get("currentPassword") ?? "") } : {}),
      newPassword: String(data.get("newPassword") ?? ""),
    };
    setResult(null);
    startTransition(async () => {
      const outcome = await save(input).catch(
        (): ActionResult<unknown> => ({ ok: false, error: "We couldn't reach the server. Try again." }),
      );
      setResult(outcome);
      if (outcome.ok) {
        form.reset();
      } else {
        const firstInvalid = Object.keys(outcome.fieldErrors ?? {})[0];
        if (firstInvalid) form.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus();
      }
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Change password">
      {result && !result.ok && <FormMessage tone="error">{result.error}</FormMessage>}
      {result?.ok && <FormMessage tone="success">Password changed. You were signed out everywhere else.</FormMessage>}
      <div className="grid gap-4 sm:grid-cols-2">
        {hasPassword && (
          <Field
            id="currentPassword"
            name="currentPassword"
            type="password"
            label="Current password"
            autoComplete="current-password"
            errors={fieldErrors.currentPassword}
          />
        )}
        <Field
          id="newPassword"
          name="newPassword"
          type="password"
          label={hasPassword ? "New password" : "Password"}
          autoComplete="new-password"
          hint={`At least ${PASSWORD_MIN} characters. Every other session is signed out.`}
          errors={fieldErrors.newPassword}
        />
      </div>
      <Button type="submit" disabled={isPending}>
        {isPending ? "Saving..." : hasPassword ? "Change password" : "Set password"}
      </Button>
    </form>
  );
}
