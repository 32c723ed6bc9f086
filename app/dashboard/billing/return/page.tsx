import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { TopUpReturn } from "@/components/dashboard/top-up-return";
import { Card } from "@/components/ui/card";
import { requireUser } from "@/lib/auth";
import { topUpStatusAction } from "../actions";

export const metadata: Metadata = { title: "Top-up" };

// Where Stripe Checkout sends the customer back: ?session_id=cs_... after paying, ?cancelled=... if not.
export default async function TopUpReturnPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  await requireUser();
  const params = await searchParams;
  const sessionId = typeof params.session_id === "string" && /^cs_\w{1,250}$/.test(params.session_id) ? params.session_id : null;
  if (!sessionId && params.cancelled === undefined) redirect("/dashboard/billing");
  return (
    <>
      <PageHeader title="Top-up" description="Card payment through Stripe Checkout." />
      {sessionId ? (
        <TopUpReturn sessionId={sessionId} getStatus={topUpStatusAction} />
      ) : (
        <Card className="space-y-1 p-5">
          <h2 className="font-medium">Checkout cancelled</h2>
          <p className="text-sm text-muted-foreground">Nothing was charged and your balance is unchanged.</p>
        </Card>
      )}
      <p className="text-sm">
        <Link href="/dashboard/billing" className="underline underline-offset-4">
          Back to billing
        </Link>
      </p>
    </>
  );
}
