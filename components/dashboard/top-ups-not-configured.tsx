import { Info } from "lucide-react";

/** What the billing page says when no Stripe key is set: how to switch top-ups on, and the way credit comes meanwhile. */
export function TopUpsNotConfigured({ webhookUrl }: { webhookUrl: string }) {
  return (
    <div className="flex gap-3 rounded-xl border border-dashed p-5 text-sm">
      <Info aria-hidden className="mt-0.5 size-4 shrink-0 text-muted-foreground" />
      <div className="space-y-2">
        <h2 className="font-medium">Card top-ups are not set up on this gateway</h2>
        <p className="text-muted-foreground">
          Until they are, an admin can grant credits (Admin, or <code className="font-mono">npm run cli -- credits:grant</code>
          ); they show up below as a grant.
        </p>
        <p className="text-muted-foreground">
          To switch them on, the operator sets <code className="font-mono">STRIPE_SECRET_KEY</code> and{" "}
          <code className="font-mono">STRIPE_WEBHOOK_SECRET</code>, with a Stripe webhook endpoint at{" "}
          <code className="font-mono break-all">{webhookUrl}</code> sending <code className="font-mono">checkout.session.*</code>,{" "}
          <code className="font-mono">charge.refunded</code>, <code className="font-mono">refund.created</code> and{" "}
          <code className="font-mono">charge.dispute.*</code> events.
        </p>
      </div>
    </div>
  );
}
