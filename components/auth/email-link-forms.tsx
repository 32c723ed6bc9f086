"use client";

import Link from "next/link";
import type { FormEvent } from "react";
import { Field, FormMessage } from "@/components/dashboard/field";
import { useAction } from "@/components/dashboard/use-action";
import { Button, buttonVariants } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { PASSWORD_MIN } from "@/lib/auth/password-rules";

type ConfirmResult = { message: string } | null;

/** A button, not the link itself: mail scanners open links, and must not use the token up. */
export function ConfirmEmailForm({ confirm, token }: { confirm: (input: { token: string }) => Promise<ActionResult<ConfirmResult>>; token: string }) {
  const { pending, result, submit } = useAction(confirm);
  if (result?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage tone="success">{result.data?.message ?? "Your email is confirmed."}</FormMessage>
        <Link href="/dashboard" className={buttonVariants({ className: "w-full" })}>
          Go to the dashboard
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {result && !result.ok && <FormMessage tone="error">{result.error}</FormMessage>}
      <Button className="w-full" disabled={pending} onClick={() => submit({ token })}>
        {pending ? "Confirming..." : "Confirm my email"}
      </Button>
    </div>
  );
}

export function ForgotPasswordForm({ request }: { request: (input: { email: string }) => Promise<ActionResult<null>> }) {
  const { pending, result, submit, fieldErrors } = useAction(request);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit({ email: String(new FormData(event.currentTarget).get("email") ?? "") });
  }
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Reset your password">
      {result && !result.ok && <FormMessage tone="error">{result.error}</FormMessage>}
      {result?.ok && (
        <FormMessage tone="success">
          If an account uses that address, we sent it a link to choose a new password. It works once, within 30 minutes.
        </FormMessage>
      )}
      <Field id="email" name="email" type="email" label="Email" autoComplete="email" inputMode="email" required errors={fieldErrors.email} />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending..." : "Send me a reset link"}
      </Button>
    </form>
  );
}

export function ResetPasswordForm({ reset, token }: { reset: (input: { token: string; password: string }) => Promise<ActionResult<null>>; token: string }) {
  const { pending, result, submit, fieldErrors } = useAction(reset);
  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    submit({ token, password: String(new FormData(event.currentTarget).get("password") ?? "") });
  }
  if (result?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage tone="success">Your password is set, and every session was signed out.</FormMessage>
        <Link href="/sign-in" className={buttonVariants({ className: "w-full" })}>
          Sign in
        </Link>
      </div>
    );
  }
  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Choose a new password">
      {result && !result.ok && <FormMessage tone="error">{result.error}</FormMessage>}
      <Field
        id="password"
        name="password"
        type="password"
        label="New password"
        autoComplete="new-password"
        hint={`At least ${PASSWORD_MIN} characters.`}
        required
        errors={fieldErrors.password}
      />
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving..." : "Set new password"}
      </Button>
    </form>
  );
}
