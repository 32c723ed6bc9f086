import Link from "next/link";
import type { BalanceNotice } from "@/lib/payments/notices";

/** The dashboard's low-balance and spend-cap notices, each with the one action that clears it. */
export function BalanceBanner({ notices }: { notices: BalanceNotice[] }) {
  if (notices.length === 0) return null;
  return (
    <div className="space-y-2" data-testid="balance-banner">
      {notices.map((notice) => (
        <p
          key={notice.kind}
          role="status"
          className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-warning/30 bg-warning/10 px-4 py-3 text-sm"
        >
          <span>{notice.message}</span>
          <Link href={notice.action.href} className="font-medium text-primary underline-offset-4 hover:underline">
            {notice.action.label}
          </Link>
        </p>
      ))}
    </div>
  );
}
