"use client";

import { Mail } from "lucide-react";
import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRef, useState, type FormEvent } from "react";
import { Field, FormMessage } from "@/components/dashboard/field";
import { Button } from "@/components/ui/button";
import { signInErrorFromResult } from "./sign-in-errors";

type SignInFormProps = {
  callbackUrl: string;
  initialError: string | null;
  hasGithub: boolean;
  /** null: no magic links; delivery "log": development, the link is printed in the server log. */
  magicLinks: { delivery: "mail" | "log"; validMinutes: number } | null;
};

type Pending = "password" | "github" | "email" | null;

export function SignInForm({ callbackUrl, initialError, hasGithub, magicLinks }: SignInFormProps) {
  const emailRef = useRef<HTMLInputElement>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [error, setError] = useState(initialError);
  const [fieldErrors, setFieldErrors] = useState<{ email?: string[]; password?: string[] }>({});
  const [linkSentTo, setLinkSentTo] = useState<string | null>(null);

  function fail(message: string) {
    setPending(null);
    setError(message);
  }

  function readEmail(): string | null {
    const email = emailRef.current?.value.trim() ?? "";
    if (!email.includes("@")) {
      setFieldErrors({ email: ["Enter the email address you signed up with"] });
      emailRef.current?.focus();
      return null;
    }
    return email;
  }

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setError(null);
    setLinkSentTo(null);
    const email = readEmail();
    const password = String(new FormData(event.currentTarget).get("password") ?? "");
    if (!email) return;
    if (!password) {
      setFieldErrors({ password: ["Enter your password"] });
      event.currentTarget.querySelector<HTMLInputElement>("#password")?.focus();
      return;
    }
    setFieldErrors({});
    setPending("password");
    const result = await signIn("credentials", { email, password, redirect: false }).catch(() => undefined);
    if (!result?.ok || result.error) return fail(signInErrorFromResult(result?.error));
    // A full load, not a client navigation: the header is rendered on the server with the session cookie.
    window.location.replace(callbackUrl);
  }

  async function sendLink() {
    setError(null);
    setLinkSentTo(null);
    const email = readEmail();
    if (!email) return;
    setFieldErrors({});
    setPending("email");
    const result = await signIn("email", { email, callbackUrl, redirect: false }).catch(() => undefined);
    if (!result?.ok || result.error) return fail(signInErrorFromResult(result?.error));
    setPending(null);
    setLinkSentTo(email);
  }

  return (
    <div className="space-y-6">
      {error && <FormMessage tone="error">{error}</FormMessage>}
      {linkSentTo && (
        <FormMessage tone="success">
          {magicLinks?.delivery === "log"
            ? `A sign-in link for ${linkSentTo} is in the server log (this instance sends no email in development).`
            : `Check your inbox: we sent a sign-in link to ${linkSentTo}. It works once, within ${magicLinks?.validMinutes} minutes.`}
        </FormMessage>
      )}
      <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Sign in">
        <Field
          ref={emailRef}
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
          autoComplete="current-password"
          required
          errors={fieldErrors.password}
        />
        <p className="-mt-2 text-right text-sm">
          <Link href="/forgot-password" className="font-medium text-primary underline underline-offset-2">
            Forgot password?
          </Link>
        </p>
        <Button type="submit" className="w-full" disabled={pending !== null}>
          {pending === "password" ? "Signing in…" : "Sign in"}
        </Button>
        {magicLinks && (
          <Button type="button" variant="outline" className="w-full" disabled={pending !== null} onClick={sendLink}>
            <Mail aria-hidden />
            {pending === "email" ? "Sending link…" : "Email me a sign-in link"}
          </Button>
        )}
      </form>
      {hasGithub && (
        <>
          <div className="flex items-center gap-3 text-xs text-muted-foreground" aria-hidden>
            <span className="h-px flex-1 bg-border" />
            or
            <span className="h-px flex-1 bg-border" />
          </div>
          <Button
            variant="outline"
            className="w-full"
            disabled={pending !== null}
            onClick={() => {
              setPending("github");
              void signIn("github", { callbackUrl });
            }}
          >
            {pending === "github" ? "Opening GitHub…" : "Continue with GitHub"}
          </Button>
        </>
      )}
    </div>
  );
}
