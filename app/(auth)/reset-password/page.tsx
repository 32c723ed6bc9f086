import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/email-link-forms";
import { Card } from "@/components/ui/card";
import { setNewPassword } from "../email-links";

export const metadata: Metadata = { title: "Choose a new password" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function ResetPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  return (
    <>
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Choose a new password</h1>
        <p className="text-sm text-muted-foreground">Setting it signs you out on every device.</p>
      </div>
      <Card className="p-6">
        {typeof token === "string" && token ? (
          <ResetPasswordForm reset={setNewPassword} token={token} />
        ) : (
          <p className="text-sm">
            This link is incomplete.{" "}
            <Link href="/forgot-password" className="font-medium text-primary underline underline-offset-2">
              Ask for a new one
            </Link>
            .
          </p>
        )}
      </Card>
    </>
  );
}
