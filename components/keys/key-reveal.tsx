"use client";

import { TriangleAlert } from "lucide-react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/** The one time a key is shown in full. */
export function KeyReveal({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <div className="space-y-4">
      <p role="alert" className="flex gap-2 rounded-md border border-warning/30 bg-warning/10 p-3 text-sm">
        <TriangleAlert aria-hidden className="mt-0.5 size-4 shrink-0 text-warning" />
        <span>
          Copy this key now: <strong>you won&apos;t see it again.</strong> Lumigate keeps only a fingerprint of it. Store it
          in a secret manager or an environment variable, never in client-side code.
        </span>
      </p>
      <div className="grid gap-1.5">
        <label htmlFor="new-key" className="text-sm font-medium">
          Your new API key
        </label>
        {/* Wraps rather than scrolls, so the whole key is visible to check against what was pasted. */}
        <textarea
          id="new-key"
          readOnly
          rows={2}
          value={secret}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className="w-full resize-none rounded-md border border-input bg-muted px-3 py-2 font-mono text-sm break-all"
        />
      </div>
      <div className="flex flex-col gap-2 sm:flex-row sm:justify-between">
        <CopyButton text={secret} label="API key" className="h-10" />
        <Button onClick={onDone}>I&apos;ve saved it</Button>
      </div>
    </div>
  );
}
