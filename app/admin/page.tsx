import { Search } from "lucide-react";
import type { Metadata } from "next";
import Link from "next/link";
import { AdjustBalanceForm } from "@/components/dashboard/adjust-balance-form";
import { UserActionButton } from "@/components/dashboard/user-action-button";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { Field, FormMessage } from "@/components/dashboard/field";
import { SpendMeter } from "@/components/dashboard/spend-meter";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { findAccountForAdmin, grantPolicy, listRecentUsers, requireAdmin } from "@/lib/auth";
import { accountLookupInput } from "@/lib/auth/schemas";
import { formatUsd } from "@/lib/catalog/pricing";
import { adjustBalanceAction, approveGrantAction, endSessionsAction } from "./actions";

export const metadata: Metadata = { title: "Admin" };

const RECENT_USERS = 25;

const dateFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeZone: "UTC" });

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export default async function AdminPage({ searchParams }: { searchParams: SearchParams }) {
  const admin = await requireAdmin();
  const { email: rawEmail } = await searchParams;
  const lookup = typeof rawEmail === "string" && rawEmail.trim() ? accountLookupInput.safeParse({ email: rawEmail }) : null;
  const [found, recent] = await Promise.all([
    lookup?.success ? findAccountForAdmin(admin, lookup.data.email) : null,
    listRecentUsers(admin, { limit: RECENT_USERS }),
  ]);

  return (
    <>
      <PageHeader title="Admin" description="Find an account by its user's email and adjust its balance." />

      <section aria-labelledby="lookup-title" className="space-y-4">
        <h2 id="lookup-title" className="sr-only">
          Find an account
        </h2>
        <form method="get" role="search" className="flex flex-wrap items-end gap-3">
          <Field
            id="lookup-email"
            name="email"
            type="email"
            label="User email"
            defaultValue={typeof rawEmail === "string" ? rawEmail : ""}
            autoComplete="off"
            className="min-w-64 flex-1"
            errors={lookup && !lookup.success ? ["Enter a valid email address"] : undefined}
          />
          <Button type="submit" variant="outline">
            <Search aria-hidden />
            Find account
          </Button>
        </form>

        {lookup?.success && !found && (
          <FormMessage tone="error">No user has the email {lookup.data.email}.</FormMessage>
        )}

        {found && (
          <Card className="space-y-5 p-5">
            <div className="flex flex-wrap items-start justify-between gap-4">
              <div className="min-w-0 space-y-1">
                <h3 id="found-title" className="flex flex-wrap items-center gap-2 font-semibold break-all">
                  {found.user.email}
                  {found.user.role === "admin" && <Badge tone="accent">admin</Badge>}
                </h3>
                <p className="font-mono text-xs break-all text-muted-foreground">{found.user.accountId}</p>
              </div>
              <div className="text-right">
                <p className="text-xs text-muted-foreground">Available</p>
                <p className="text-2xl font-semibold tabular-nums" data-testid="admin-balance">
                  {formatUsd(found.balance.availableMicros)}
                </p>
                {found.balance.reservedMicros > 0 && (
                  <p className="text-xs text-muted-foreground">
                    {formatUsd(found.balance.reservedMicros)} reserved
                  </p>
                )}
              </div>
            </div>
            <div className="grid gap-4 sm:grid-cols-2">
              <SpendMeter
                label="Today"
                period="daily"
                spentMicros={found.balance.spent.todayMicros}
                capMicros={found.balance.caps.dailyMicros}
              />
              <SpendMeter
                label="This month"
                period="monthly"
                spentMicros={found.balance.spent.monthMicros}
                capMicros={found.balance.caps.monthlyMicros}
              />
            </div>
            <AdjustBalanceForm adjust={adjustBalanceAction} accountId={found.user.accountId} />
            <div className="flex flex-wrap gap-4">
              <UserActionButton run={endSessionsAction} email={found.user.email} label="Sign out everywhere" done={`${found.user.email} is signed out everywhere.`} />
              {grantPolicy === "approval" && (
                <UserActionButton run={approveGrantAction} email={found.user.email} label="Give the sign-up credit" done="Done." />
              )}
            </div>
          </Card>
        )}
      </section>

      <section aria-labelledby="recent-title" className="space-y-3">
        <h2 id="recent-title" className="text-lg font-semibold">
          Recent users
        </h2>
        <Table label="Recent users">
          <TableHead>
            <TableRow>
              <TableHeaderCell>Email</TableHeaderCell>
              <TableHeaderCell>Name</TableHeaderCell>
              <TableHeaderCell>Role</TableHeaderCell>
              <TableHeaderCell>Signed up (UTC)</TableHeaderCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {recent.map((user) => (
              <TableRow key={user.id}>
                <TableCell className="whitespace-nowrap">
                  <Link
                    href={`/admin?${new URLSearchParams({ email: user.email })}`}
                    className="font-medium text-primary hover:underline"
                  >
                    {user.email}
                  </Link>
                </TableCell>
                <TableCell className="min-w-32">{user.name ?? "—"}</TableCell>
                <TableCell>{user.role}</TableCell>
                <TableCell className="whitespace-nowrap">
                  <time dateTime={user.createdAt.toISOString()}>{dateFormat.format(user.createdAt)}</time>
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </section>
    </>
  );
}
