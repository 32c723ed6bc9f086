"use client";

import Link from "next/link";
import { FormMessage } from "@/components/dashboard/field";
import { useAction } from "@/components/dashboard/use-action";
import { Button, buttonVariants } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";

type Claim = (input: { token: string }) => Promise<ActionResult<null>>;

export function ClaimAdminForm({ claim, token, email }: { claim: Claim; token: string; email: string }) {
  const { pending, result, submit } = useAction(claim);
  if (result?.ok) {
    return (
      <div className="space-y-4">
        <FormMessage tone="success">{email} is now this instance&apos;s admin.</FormMessage>
        <Link href="/admin" className={buttonVariants({ className: "w-full" })}>
          Open the admin console
        </Link>
      </div>
    );
  }
  return (
    <div className="space-y-4">
      {result && !result.ok && <FormMessage tone="error">{result.error}</FormMessage>}
      <Button className="w-full" disabled={pending} onClick={() => submit({ token })}>
        {pending ? "Saving..." : `Make ${email} the admin`}
      </Button>
    </div>
  );
}
