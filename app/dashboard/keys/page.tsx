import type { Metadata } from "next";
import { PageHeader } from "@/components/dashboard/dashboard-shell";
import { KeyList } from "@/components/keys/key-list";
import { CreateKeyButton, KeysUiProvider } from "@/components/keys/keys-ui";
import { requireUser } from "@/lib/auth/session";
import { listKeysWithUsage } from "@/lib/keys";
import { createKeyAction, revokeKeyAction, rollKeyAction, updateKeyAction } from "./actions";

export const metadata: Metadata = { title: "API keys" };

// Outside the component: relative times count from the moment the keys were read, once per request.
async function loadKeys(accountId: string) {
  const now = new Date();
  const keys = await listKeysWithUsage(accountId, now);
  return { keys, now: now.getTime() };
}

export default async function KeysPage() {
  const user = await requireUser();
  const { keys, now } = await loadKeys(user.accountId);
  return (
    <KeysUiProvider actions={{ createKey: createKeyAction, updateKey: updateKeyAction, revokeKey: revokeKeyAction, rollKey: rollKeyAction }}>
      <PageHeader
        title="API keys"
        description={
          <>
            Send a key as <code className="font-mono text-sm">Authorization: Bearer &lt;key&gt;</code>. Revoking or rolling one
            takes effect everywhere within seconds.
          </>
        }
        actions={<CreateKeyButton isPrimary />}
      />
      <KeyList keys={keys} now={now} />
    </KeysUiProvider>
  );
}
