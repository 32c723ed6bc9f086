"use client";

import { AlertDialog } from "radix-ui";
import { useEffect, useRef, useState, useTransition } from "react";
import { FormMessage } from "@/components/dashboard/field";
import { Button, buttonVariants } from "@/components/ui/button";
import { Label } from "@/components/ui/label";
import { Select } from "@/components/ui/select";
import { MAX_ROLL_GRACE_DAYS } from "@/lib/keys/limits";
import { cn } from "@/lib/utils/cn";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { startLabel } from "@/lib/keys/view";
import { type EditableKey, EditKeyDialog } from "./edit-key-dialog";
import { useKeysUi } from "./keys-ui";

const dangerButton = "bg-danger text-white hover:bg-danger/90";

const graceOptions = Array.from({ length: MAX_ROLL_GRACE_DAYS + 1 }, (_, days) => ({
  value: days,
  label: days === 0 ? "None: revoke the old key now" : `${days} day${days === 1 ? "" : "s"}`,
}));

// Stays mounted after its key is revoked (only the trigger goes), so it can move the focus, which
// was on that trigger, to the key's row once the refreshed list arrives.
function RevokeKey({ keyId, name, start, isUsable }: { keyId: string; name: string; start: string; isUsable: boolean }) {
  const { actions, setShowingRevoked } = useKeysUi();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const isRevokedHere = useRef(false);

  useEffect(() => {
    if (!isUsable && isRevokedHere.current) document.getElementById(`${keyId}-name`)?.focus();
  }, [isUsable, keyId]);

  function revoke() {
    startTransition(async () => {
      const result = await actions.revokeKey({ keyId });
      if (!result.ok) return setError(result.error);
      isRevokedHere.current = true;
      // The row joins the revoked keys; they are shown so that it stays in view with the focus on it.
      setShowingRevoked(true);
      setOpen(false);
    });
  }

  return (
    <AlertDialog.Root
      open={open}
      onOpenChange={(next) => {
        setOpen(next);
        setError(null);
      }}
    >
      {isUsable && (
        <AlertDialog.Trigger asChild>
          <Button variant="outline" size="sm">
            Revoke<span className="sr-only"> {name}</span>
          </Button>
        </AlertDialog.Trigger>
      )}
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <AlertDialog.Content className="fixed inset-x-4 top-1/2 z-50 mx-auto max-w-md -translate-y-1/2 space-y-4 rounded-2xl border bg-card p-6 text-foreground shadow-lg">
          <AlertDialog.Title className="text-lg font-semibold">
            Revoke “{name}” (<span className="font-mono">{startLabel(start)}</span>)?
          </AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-muted-foreground">
            Every request with the key <span className="font-mono">{startLabel(start)}</span> fails within seconds. This
            cannot be undone.
          </AlertDialog.Description>
          {error && <FormMessage tone="error">{error}</FormMessage>}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel className={buttonVariants({ variant: "outline" })}>Cancel</AlertDialog.Cancel>
            {/* Not AlertDialog.Action: that would close the dialog before the revocation is confirmed. */}
            <Button className={dangerButton} disabled={isPending} onClick={revoke}>
              {isPending ? "Revoking…" : "Revoke key"}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function RollKey({ keyId, name, start }: { keyId: string; name: string; start: string }) {
  const { reveal, actions } = useKeysUi();
  const [open, setOpen] = useState(false);
  const [graceDays, setGraceDays] = useState(1);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();
  const trigger = useRef<HTMLButtonElement>(null);
  const isRevealing = useRef(false);

  function onOpenChange(next: boolean) {
    setOpen(next);
    setError(null);
  }

  function roll() {
    startTransition(async () => {
      const result = await actions.rollKey({ keyId, graceDays });
      if (!result.ok) return setError(result.error);
      isRevealing.current = true;
      setOpen(false);
      reveal({ title: "Save your new API key", secret: result.data.key }, trigger.current);
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button ref={trigger} variant="outline" size="sm">
          Roll<span className="sr-only"> {name}</span>
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Roll “${name}” (${startLabel(start)})`}
        description={`Issues a new key with the same settings and a new name, dated today. ${startLabel(start)} keeps working for the grace period, so you can deploy the new one first.`}
        onCloseAutoFocus={(event) => {
          // The reveal dialog takes the focus next, and hands it back when it closes.
          if (isRevealing.current) event.preventDefault();
          isRevealing.current = false;
        }}
      >
        <div className="space-y-5">
          {error && <FormMessage tone="error">{error}</FormMessage>}
          <div className="grid gap-1.5">
            <Label htmlFor={`grace-${keyId}`}>Grace period for the old key</Label>
            <Select id={`grace-${keyId}`} value={graceDays} onChange={(e) => setGraceDays(Number(e.target.value))}>
              {graceOptions.map((option) => (
                <option key={option.value} value={option.value}>
                  {option.label}
                </option>
              ))}
            </Select>
          </div>
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button className={cn(graceDays === 0 && dangerButton)} disabled={isPending} onClick={roll}>
              {isPending ? "Rolling…" : "Roll key"}
            </Button>
          </div>
        </div>
      </DialogContent>
    </Dialog>
  );
}

export function KeyActions({ keyRecord, isUsable }: { keyRecord: EditableKey; isUsable: boolean }) {
  const { id, name, start } = keyRecord;
  return (
    <div className="flex flex-wrap gap-2">
      {isUsable && <EditKeyDialog keyRecord={keyRecord} />}
      {isUsable && <RollKey keyId={id} name={name} start={start} />}
      <RevokeKey keyId={id} name={name} start={start} isUsable={isUsable} />
    </div>
  );
}
