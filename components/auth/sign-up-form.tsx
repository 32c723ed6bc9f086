"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useState, useTransition, type FormEvent } from "react";
import { Field, FormMessage } from "@/components/dashboard/field";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { PASSWORD_MIN } from "@/lib/auth/password-rules";

type SignUpAnswer = { next: "sign_in" } | { next: "check_inbox"; email: string };
type SignUpAction = (input: { email: string; password: string; name?: string }) => Promise<ActionResult<SignUpAnswer>>;

export function SignUpForm({ signUp, callbackUrl }: { signUp: SignUpAction; callbackUrl: string }) {
  const [isPending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<Record<string, string[]>>({});
  const [isCreated, setCreated] = useState(false);
  const [inbox, setInbox] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const input = {
      email: String(data.get("email") ?? ""),
      password: String(data.get("password") ?? ""),
      name: String(data.get("name") ?? ""),
    };
    setError(null);
    startTransition(async () => {
      const result = await signUp(input).catch(() => null);
      if (!result) return setError("We couldn't reach the server. Check your connection and try again.");
      if (!result.ok) {
        setError(result.error);
        setFieldErrors(result.fieldErrors ?? {});
        const firstInvalid = Object.keys(result.fieldErrors ?? {})[0];
        if (firstInvalid) form.querySelector<HTMLInputElement>(`[name="${firstInvalid}"]`)?.focus();
        return;
      }
      setFieldErrors({});
      // With mail, the address is confirmed before anything else (and a taken one is not revealed).
      if (result.data.next === "check_inbox") return setInbox(result.data.email);
      setCreated(true);
      const signedIn = await signIn("credentials", {
        email: input.email,
        password: input.password,
        redirect: false,
      }).catch(() => undefined);
      if (!signedIn?.ok || signedIn.error) {
        return setError("Your account is ready, but signing in didn't work. Sign in with your new password.");
      }
      // A full load, not a client navigation: the header is rendered on the server with the session cookie.
      window.location.replace(callbackUrl);
    });
  }

  if (inbox) {
    return (
      <div className="space-y-4">
        <FormMessage tone="success">
          Check your inbox: we sent a link to {inbox}. Open it to confirm your address, then sign in with your new password.
        </FormMessage>
        <Link href="/sign-in" className="block text-center text-sm font-medium text-primary hover:underline">
          Go to sign in
        </Link>
      </div>
    );
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Create an account">
      {error && (
        <FormMessage tone="error">
          {error}
          {isCreated && (
            <>
              {" "}
              <Link href="/sign-in" className="font-medium underline underline-offset-2">
                Go to sign in
              </Link>
            </>
          )}
        </FormMessage>
      )}
      <Field id="name" name="name" label="Name (optional)" autoComplete="name" errors={fieldErrors.name} />
      <Field
        id="email"
        name="email"
        type="email"
        label="Email"
        autoComplete="email"
        inputMode="email"
        required
        errors={fieldErrors.email}
      />
      <Field
        id="password"
        name="password"
        type="password"
        label="Password"
        autoComplete="new-password"
        required
        minLength={PASSWORD_MIN}
        hint={`At least ${PASSWORD_MIN} characters. A passphrase of a few words is easy to remember and hard to guess.`}
        errors={fieldErrors.password}
      />
      <Button type="submit" className="w-full" disabled={isPending}>
        {isPending ? (isCreated ? "Signing you in…" : "Creating your account…") : "Create account"}
      </Button>
    </form>
  );
}
