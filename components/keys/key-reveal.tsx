"use client";

import { TriangleAlert } from "lucide-react";
import { useEffect, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CopyButton } from "@/components/ui/copy-button";

/**
 * The one time a key is shown in full. The focus starts on "Copy", so Enter (pressed twice, or
 * held) copies and never closes: only "Done" does, or the close button or Escape after a
 * second warning whose own focus starts on going back to the key.
 */
export function KeyReveal({
  secret,
  isConfirmingClose,
  onDone,
  onKeepOpen,
}: {
  secret: string;
  isConfirmingClose: boolean;
  onDone: () => void;
  onKeepOpen: () => void;
}) {
  const copyArea = useRef<HTMLDivElement>(null);
  const keepOpen = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (isConfirmingClose) keepOpen.current?.focus();
    else copyArea.current?.querySelector("button")?.focus();
  }, [isConfirmingClose]);

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
      {isConfirmingClose ? (
        <div role="group" aria-labelledby="reveal-close-warning" className="space-y-3 rounded-md border border-danger/30 bg-danger/10 p-3">
          <p id="reveal-close-warning" className="text-sm">
            <strong>Close without saving the key?</strong> You will not see it again: a lost key can only be rolled or
            revoked.
          </p>
          <div className="flex flex-col gap-2 sm:flex-row sm:justify-end">
            <Button ref={keepOpen} variant="outline" onClick={onKeepOpen}>
              Back to the key
            </Button>
            <Button className="bg-danger text-white hover:bg-danger/90" onClick={onDone}>
              Close, I won&apos;t need it
            </Button>
          </div>
        </div>
      ) : (
        <div className="flex flex-col gap-2 sm:flex-row sm:justify-between">
          <div ref={copyArea} className="contents">
            <CopyButton text={secret} label="API key" className="h-10" />
          </div>
          <Button onClick={onDone}>Done</Button>
        </div>
      )}
    </div>
  );
}
