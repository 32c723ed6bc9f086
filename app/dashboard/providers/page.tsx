import type { Metadata } from "next";
import { ProviderCredentials } from "@/components/byok/provider-credentials";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { requireUser } from "@/lib/auth/session";
import { listCredentials } from "@/lib/byok";
import { env } from "@/lib/env";
import { anyRealUpstream } from "@/lib/providers/endpoints";
import { recheckProviderKey, removeProviderKey, saveProviderKey, setProviderFallback } from "./actions";

export const metadata: Metadata = { title: "Provider keys" };

// Outside the component: check times count from the moment the credentials were read, once per request.
async function loadCredentials(accountId: string) {
  const credentials = await listCredentials(accountId);
  return { credentials, now: Date.now() };
}

export default async function ProvidersPage() {
  const user = await requireUser();
  const { credentials, now } = await loadCredentials(user.accountId);
  const fee = env.BYOK_FEE_PERCENT;
  return (
    <>
      <PageHeader
        title="Provider keys"
        description={
          <>
            Bring your own Black Forest Labs, fal.ai, Replicate or OpenAI key. Live tasks for that upstream run on it first
            and cost {fee === 0 ? "no Lumigate fee at all" : `only Lumigate's ${fee}% platform fee`} instead of the model&apos;s
            price; the upstream bills your own account for the generation. Test keys still run free on the simulator.
          </>
        }
      />
      {!anyRealUpstream() && (
        <p role="note" className="rounded-md border border-warning/30 bg-warning/10 px-3 py-2 text-sm text-warning">
          This gateway has no real upstream configured: keys are checked against its built-in simulator, and the images
          come from the simulator too.
        </p>
      )}
      <ProviderCredentials
        credentials={credentials}
        now={now}
        actions={{ save: saveProviderKey, recheck: recheckProviderKey, remove: removeProviderKey, setFallback: setProviderFallback }}
      />
    </>
  );
}
