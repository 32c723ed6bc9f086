import type { Metadata } from "next";
import Link from "next/link";
import { ClaimAdminForm } from "@/components/auth/claim-admin-form";
import { Card } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth";
import { becomeAdmin } from "./actions";

export const metadata: Metadata = { title: "Set up this instance" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function SetupPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  const user = await getCurrentUser();
  const here = typeof token === "string" ? `/setup?${new URLSearchParams({ token })}` : "/setup";
  const back = new URLSearchParams({ callbackUrl: here });
  return (
    <>
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Set up this instance</h1>
        <p className="text-sm text-muted-foreground">The account that opens this link becomes Lumigate&apos;s admin.</p>
      </div>
      <Card className="p-6">
        {typeof token !== "string" || !token ? (
          <p className="text-sm">
            Open the setup link that <code className="font-mono text-[0.9em]">npm start</code> printed, or run{" "}
            <code className="font-mono text-[0.9em]">npm run cli -- users:admin you@example.com</code>.
          </p>
        ) : user ? (
          <ClaimAdminForm claim={becomeAdmin} token={token} email={user.email} />
        ) : (
          <p className="text-sm">
            First{" "}
            <Link href={`/sign-up?${back}`} className="font-medium text-primary underline underline-offset-2">
              create your account
            </Link>{" "}
            or{" "}
            <Link href={`/sign-in?${back}`} className="font-medium text-primary underline underline-offset-2">
              sign in
            </Link>
            ; you come back here afterwards.
          </p>
        )}
      </Card>
    </>
  );
}
