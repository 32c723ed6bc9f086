"use client";

import { type FormEvent, useState, useTransition } from "react";
import { FormMessage } from "@/components/dashboard/field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { updateKeyForm } from "@/lib/keys/schemas";
import { type KeyView, startLabel } from "@/lib/keys/view";
import { endOfLocalDay, KeySettingsFields, type KeySettingsValues, localDay, readKeySettings, useKeyFormErrors } from "./key-settings-fields";
import type { UpdateKeyFormInput } from "./keys-ui";
import { useKeysUi } from "./keys-ui";

export type EditableKey = Pick<KeyView, "id" | "name" | "start" | "scopes" | "ratePer10s" | "dailyCapMicros" | "expiresAt">;

/** Micro-USD as a plain dollar figure for an input: 2_500_000 -> "2.5". */
const dollars = (micros: number | null) => (micros === null ? "" : String(micros / 1_000_000));

function currentSettings(key: EditableKey): KeySettingsValues {
  return {
    name: key.name,
    scopes: key.scopes,
    expiresOn: key.expiresAt ? localDay(key.expiresAt) : "",
    ratePer10s: key.ratePer10s === null ? "" : String(key.ratePer10s),
    dailyCapUsd: dollars(key.dailyCapMicros),
  };
}

export function EditKeyDialog({ keyRecord }: { keyRecord: EditableKey }) {
  const { actions } = useKeysUi();
  const [open, setOpen] = useState(false);
  const [isPending, startTransition] = useTransition();
  const defaults = currentSettings(keyRecord);

  // An expiry sent back unchanged would move a grace period's end to the end of that day.
  function readEditForm(form: HTMLFormElement): UpdateKeyFormInput {
    const { expiresOn, ...settings } = readKeySettings(new FormData(form));
    const isExpiryChanged = expiresOn !== defaults.expiresOn;
    return {
      keyId: keyRecord.id,
      ...settings,
      ...(isExpiryChanged ? { expiresAt: expiresOn ? endOfLocalDay(expiresOn) : null } : {}),
    };
  }

  const { errors, setErrors, onBlur, check } = useKeyFormErrors(updateKeyForm, readEditForm);

  function onOpenChange(next: boolean) {
    setOpen(next);
    setErrors({ fields: {} });
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = check(event.currentTarget);
    if (!input) return;
    startTransition(async () => {
      const result = await actions.updateKey(input).catch(() => ({ ok: false as const, error: "We couldn't reach the server. Try again." }));
      if (result.ok) return onOpenChange(false);
      setErrors({ form: result.error, fields: ("fieldErrors" in result ? result.fieldErrors : undefined) ?? {} });
    });
  }

  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Edit<span className="sr-only"> {keyRecord.name}</span>
        </Button>
      </DialogTrigger>
      <DialogContent
        title={`Edit “${keyRecord.name}” (${startLabel(keyRecord.start)})`}
        description="Changes apply to requests with this key within seconds. The secret stays the same."
      >
        <form onSubmit={onSubmit} onBlur={onBlur} noValidate className="space-y-5">
          {errors.form && <FormMessage tone="error">{errors.form}</FormMessage>}
          <KeySettingsFields idPrefix={`${keyRecord.id}-edit`} defaults={defaults} errors={errors.fields} />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="outline" onClick={() => onOpenChange(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isPending}>
              {isPending ? "Saving…" : "Save changes"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
