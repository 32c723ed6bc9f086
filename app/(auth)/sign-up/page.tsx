import { Gift } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Card } from "@/components/ui/card";
import { DEFAULT_CALLBACK_URL, getCurrentUser, grantPolicy, safeCallbackUrl } from "@/lib/auth";
import { formatUsd } from "@/lib/catalog/pricing";
import { signupGrantMicros } from "@/lib/env";
import { signUp } from "./actions";

export const metadata: Metadata = { title: "Create an account" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SignUpPage({ searchParams }: { searchParams: SearchParams }) {
  const params = await searchParams;
  const callbackUrl = safeCallbackUrl(params.callbackUrl);
  if (await getCurrentUser()) redirect(callbackUrl);
  const signInHref = callbackUrl === DEFAULT_CALLBACK_URL ? "/sign-in" : `/sign-in?${new URLSearchParams({ callbackUrl })}`;

  return (
    <>
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Create your Lumigate account</h1>
        <p className="text-sm text-muted-foreground">One balance and one API key for every image model.</p>
      </div>
      {signupGrantMicros > 0 && (
        <p className="flex items-center justify-center gap-2 rounded-lg border border-success/30 bg-success/10 px-3 py-2 text-sm font-medium text-success">
          <Gift aria-hidden className="size-4" />
          {formatUsd(signupGrantMicros)} free credit to try any model
          {grantPolicy === "verified" ? ", once you confirm your email" : grantPolicy === "approval" ? ", once the operator approves" : ""}
        </p>
      )}
      <Card className="p-6">
        <SignUpForm signUp={signUp} callbackUrl={callbackUrl} />
      </Card>
      <p className="text-center text-sm text-muted-foreground">
        Already have an account?{" "}
        <Link href={signInHref} className="font-medium text-primary underline underline-offset-2">
          Sign in
        </Link>
      </p>
    </>
  );
}
