import type { Metadata } from "next";
import { ConfirmEmailForm } from "@/components/auth/email-link-forms";
import { Card } from "@/components/ui/card";
import { confirmEmail } from "../email-links";

export const metadata: Metadata = { title: "Confirm your email" };

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function VerifyEmailPage({ searchParams }: { searchParams: SearchParams }) {
  const { token } = await searchParams;
  return (
    <>
      <div className="space-y-2 text-center">
        <h1 className="text-2xl font-semibold tracking-tight">Confirm your email</h1>
        <p className="text-sm text-muted-foreground">One click, and your address is confirmed.</p>
      </div>
      <Card className="p-6">
        {typeof token === "string" && token ? (
          <ConfirmEmailForm confirm={confirmEmail} token={token} />
        ) : (
          <p className="text-sm">This link is incomplete. Open the link from the mail again, or ask for a new one from the dashboard.</p>
        )}
      </Card>
    </>
  );
}
