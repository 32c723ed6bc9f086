import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { CallbackSecret } from "@/components/dashboard/callback-secret";
import { PasswordForm } from "@/components/dashboard/password-form";
import { SpendCapsForm } from "@/components/dashboard/spend-caps-form";
import { SpendMeters } from "@/components/dashboard/spend-meter";
import { Card } from "@/components/ui/card";
import { getAccountBalance, hasPassword, requireUser } from "@/lib/auth";
import { signingSecretView } from "@/lib/webhooks/account-secrets";
import { rollCallbackSecret, savePassword, saveSpendCaps } from "./actions";

export const metadata: Metadata = { title: "Settings" };

export default async function SettingsPage() {
  const user = await requireUser();
  const { caps, spent } = await getAccountBalance(user);
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
    </>
  );
}
