"use client";

import { Eye, EyeOff, RefreshCw } from "lucide-react";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import { CodeBlock } from "@/components/ui/code-block";
import { CopyButton } from "@/components/ui/copy-button";
import type { ActionResult } from "@/lib/auth/action";
import { FormMessage } from "./field";

type Roll = (input: Record<string, never>) => Promise<ActionResult<{ secret: string }>>;

const verifySnippet = `import { Webhook } from "standardwebhooks";

// In your callBackUrl handler, on the raw request body:
const wh = new Webhook(process.env.LUMIGATE_WEBHOOK_SECRET);
const event = wh.verify(rawBody, {
  "webhook-id": req.headers["webhook-id"],
  "webhook-timestamp": req.headers["webhook-timestamp"],
  "webhook-signature": req.headers["webhook-signature"],
}); // throws if forged, altered or older than 5 minutes
// event.data is the task, as recordInfo shows it.`;

export function CallbackSecret({ secret, previousValidUntil, roll }: { secret: string; previousValidUntil: string | null; roll: Roll }) {
  const router = useRouter();
  const [shown, setShown] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [isPending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<{ secret: string }> | null>(null);

  function onRoll() {
    startTransition(async () => {
      const outcome = await roll({}).catch((): ActionResult<{ secret: string }> => ({ ok: false, error: "We couldn't reach the server. Try again." }));
      setResult(outcome);
      setConfirming(false);
      if (outcome.ok) {
        setShown(true);
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-4">
      {result && !result.ok && <FormMessage tone="error">{result.error}</FormMessage>}
      {result?.ok && (
        <FormMessage tone="success">
          New secret in use. The previous one keeps signing beside it for 24 hours, so update your receiver before then.
        </FormMessage>
      )}
      <div className="flex flex-wrap items-center gap-2">
        <code aria-label="Signing secret" className="min-w-0 flex-1 break-all rounded-md border bg-muted px-3 py-2 font-mono text-xs">
          {shown ? secret : `whsec_${"•".repeat(24)}`}
        </code>
        <Button type="button" variant="outline" size="sm" onClick={() => setShown((s) => !s)} aria-pressed={shown}>
          {shown ? <EyeOff aria-hidden /> : <Eye aria-hidden />}
          {shown ? "Hide" : "Reveal"}
        </Button>
        <CopyButton text={secret} label="signing secret" />
      </div>
      {previousValidUntil && (
        <p className="text-sm text-muted-foreground">
          The previous secret also signs callbacks until {new Date(previousValidUntil).toLocaleString()}.
        </p>
      )}
      {confirming ? (
        <div role="group" aria-label="Confirm rolling the secret" className="flex flex-wrap items-center gap-2">
          <span className="text-sm">Roll the secret? Callbacks carry both signatures for 24 hours.</span>
          <Button type="button" size="sm" onClick={onRoll} disabled={isPending}>
            {isPending ? "Rolling…" : "Roll secret"}
          </Button>
          <Button type="button" size="sm" variant="outline" onClick={() => setConfirming(false)} disabled={isPending}>
            Cancel
          </Button>
        </div>
      ) : (
        <Button type="button" variant="outline" size="sm" onClick={() => setConfirming(true)}>
          <RefreshCw aria-hidden />
          Roll secret
        </Button>
      )}
      <details className="text-sm">
        <summary className="cursor-pointer font-medium">Verify a callback (Node, Standard Webhooks)</summary>
        <div className="mt-2 space-y-2">
          <CodeBlock code={verifySnippet} label="verification example" />
          <p className="text-muted-foreground">
            Any Standard Webhooks library works (Python: <code className="font-mono">pip install standardwebhooks</code>). Deduplicate on the
            <code className="font-mono"> webhook-id</code> header: a retry of one callback carries the same id.
          </p>
        </div>
      </details>
    </div>
  );
}
