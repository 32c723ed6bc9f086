import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { signInErrorFromUrl } from "@/components/auth/sign-in-errors";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Card } from "@/components/ui/card";
import { authProviders, DEFAULT_CALLBACK_URL, getCurrentUser, MAGIC_LINK_MAX_AGE_SEC, safeCallbackUrl } from "@/lib/auth";
import { env } from "@/lib/env";

export const metadata: Metadata = { title: "Sign in" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignInPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const error = typeof params.error === "string" ? signInErrorFromUrl(params.error) : null;
  const signUpHref = callbackUrl === DEFAULT_CALLBACK_URL ? "/sign-up" : `/sign-up?${new URLSearchParams({ callbackUrl })}`;

  return (
    <>
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Sign in to Lumigate</h1>
        <p className="text-sm text-muted-foreground">Your balance, API keys and spend caps are on the other side.</p>
      </div>
      <Card className="p-6">
        <SignInForm
          callbackUrl={callbackUrl}
          initialError={error}
          hasGithub={authProviders.github}
          magicLinks={
            authProviders.email
              ? { delivery: env.EMAIL_SERVER ? "mail" : "log", validMinutes: MAGIC_LINK_MAX_AGE_SEC / 60 }
              : null
          }
        />
      </Card>
      <p className="text-center text-sm text-muted-foreground">
        New to Lumigate?{" "}
        <Link href={signUpHref} className="font-medium text-primary underline underline-offset-2">
          Create an account
        </Link>
      </p>
    </>
  );
}
