import type { Metadata } from "next";
import { DeleteAccountDialog } from "@/components/account/delete-account-dialog";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { CallbackSecret } from "@/components/dashboard/callback-secret";
import { PasswordForm } from "@/components/dashboard/password-form";
import { SpendCapsForm } from "@/components/dashboard/spend-caps-form";
import { SpendMeters } from "@/components/dashboard/spend-meter";
import { buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { LEDGER_RETENTION_YEARS } from "@/lib/account/retention";
import { getAccountBalance, hasPassword, requireUser } from "@/lib/auth";
import { formatUsd } from "@/lib/catalog/pricing";
import { signingSecretView } from "@/lib/webhooks/account-secrets";
import { deleteMyAccount, rollCallbackSecret, savePassword, saveSpendCaps } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const { caps, spent, availableMicros } = await getAccountBalance(user);
  const [callbacks, withPassword] = await Promise.all([signingSecretView(user.accountId), hasPassword(user.id)]);

  return (
    <>
      <PageHeader title="Settings" />
      <section aria-labelledby="caps-title" className="space-y-4">
        <div className="space-y-1">
          <h2 id="caps-title" className="text-lg font-semibold">
            Spend caps
          </h2>
          <p className="max-w-2xl text-sm text-muted-foreground">
            Caps stop new generations for the whole account once the day&apos;s or the month&apos;s spend would pass
            them. Money set aside for jobs still running counts toward both caps. Days reset at midnight UTC and months
            on the 1st, UTC. Each API key can also have its own daily cap.
          </p>
        </div>
        <div className="grid gap-4 md:grid-cols-2">
          <SpendMeters spent={spent} caps={caps} />
        </div>
        <Card className="p-5">
          <SpendCapsForm save={saveSpendCaps} dailyMicros={caps.dailyMicros} monthlyMicros={caps.monthlyMicros} />
        </Card>
      </section>
      <section aria-labelledby="callbacks-title" className="space-y-4">
        <div className="space-y-1">
          <h2 id="callbacks-title" className="text-lg font-semibold">
            Callback signing secret
          </h2>
          <p className="max-w-2xl text-sm text-muted-foreground">
            When a task you created with a <code className="font-mono text-[0.9em]">callBackUrl</code> ends, Lumigate POSTs its
            result there, signed with this secret (Standard Webhooks). Failed deliveries are retried for a little over a day
            (after 5 s, 5 min, 30 min, 2 h, 5 h and 10 h); a 410 answer stops them.
          </p>
        </div>
        <Card className="p-5">
          <CallbackSecret
            secret={callbacks.secret}
            previousValidUntil={callbacks.previousValidUntil?.toISOString() ?? null}
            roll={rollCallbackSecret}
          />
        </Card>
      </section>
      <section aria-labelledby="profile-title" className="space-y-4">
        <h2 id="profile-title" className="text-lg font-semibold">
          Profile
        </h2>
        <Card className="p-5">
          <dl className="grid gap-x-6 gap-y-3 text-sm sm:grid-cols-[10rem_1fr]">
            <dt className="text-muted-foreground">Email</dt>
            <dd className="break-all">{user.email}</dd>
            <dt className="text-muted-foreground">Name</dt>
            <dd>{user.name ?? "Not set"}</dd>
            <dt className="text-muted-foreground">Account ID</dt>
            <dd className="font-mono text-xs break-all">{user.accountId}</dd>
          </dl>
        </Card>
      </section>
      <section aria-labelledby="password-title" className="space-y-4">
        <h2 id="password-title" className="text-lg font-semibold">
          Password
        </h2>
        <Card className="p-5">
          <PasswordForm save={savePassword} hasPassword={withPassword} />
        </Card>
      </section>
      <section aria-labelledby="data-title" className="space-y-4">
        <h2 id="data-title" className="text-lg font-semibold">
          Your data
        </h2>
        <Card className="space-y-3 p-5">
          <h3 className="font-medium">Export your data</h3>
          <p className="max-w-2xl text-sm text-muted-foreground">
            One JSON file with your profile, the account, its members, API keys (names and starts, never the keys), provider
            keys (last 4 characters only), the ledger, top-ups, every task with its prompt and image links, and your
            playground runs. Image links work while the images are kept.
          </p>
          <a href="/dashboard/settings/export" download className={buttonVariants({ variant: "outline" })}>
            Download my data (JSON)
          </a>
        </Card>
        <Card className="space-y-3 border-danger/40 p-5">
          <h3 className="font-medium">Delete your account</h3>
          <p className="max-w-2xl text-sm text-muted-foreground">
            Revokes every API key, signs you out everywhere and erases your email, name, password, provider keys, saved card,
            prompts and images. The ledger, top-ups and task costs are kept for {LEDGER_RETENTION_YEARS} years, as
            bookkeeping law requires. Your remaining balance of {formatUsd(availableMicros)} is forfeited
            unless the operator refunds it. Tasks still running or an open payment dispute must end first.
          </p>
          <DeleteAccountDialog
            remove={deleteMyAccount}
            email={user.email}
            hasPassword={withPassword}
            balance={formatUsd(availableMicros)}
            retentionYears={LEDGER_RETENTION_YEARS}
          />
        </Card>
      </section>
    </>
  );
}
