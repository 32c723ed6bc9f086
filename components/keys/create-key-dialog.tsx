"use client";

import { type FormEvent, useTransition } from "react";
import { FormMessage } from "@/components/dashboard/field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { KeyMode } from "@/lib/keys/format";
import { createKeyForm } from "@/lib/keys/schemas";
import { Choice, endOfLocalDay, KeySettingsFields, readKeySettings, useKeyFormErrors } from "./key-settings-fields";
import type { CreateKeyFormInput, KeyServerActions } from "./keys-ui";

const modeOptions = [
  { value: "live", label: "Live", hint: "Real models, charged to your balance" },
  { value: "test", label: "Test", hint: "Never charged; for development and CI" },
] as const;

const blank = { name: "", scopes: ["generate", "read"], expiresOn: "", ratePer10s: "", dailyCapUsd: "" } as const;

function readCreateForm(form: HTMLFormElement): CreateKeyFormInput {
  const data = new FormData(form);
  const { expiresOn, ...settings } = readKeySettings(data);
  return {
    ...settings,
    mode: String(data.get("mode") ?? "") as KeyMode,
    expiresAt: expiresOn ? endOfLocalDay(expiresOn) : null,
  };
}

export function CreateKeyDialog({
  createKey,
  open,
  onOpenChange,
  onCreated,
  onCloseAutoFocus,
}: {
  createKey: KeyServerActions["createKey"];
  open: boolean;
  onOpenChange: (open: boolean) => void;
  onCreated: (secret: string) => void;
  onCloseAutoFocus: (event: Event) => void;
}) {
  const { errors, setErrors, onBlur, check } = useKeyFormErrors(createKeyForm, readCreateForm);
  const [isPending, startTransition] = useTransition();

  function close(next: boolean) {
    if (!next) setErrors({ fields: {} });
    onOpenChange(next);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const input = check(event.currentTarget);
    if (!input) return;
    startTransition(async () => {
      const result = await createKey(input).catch(() => ({ ok: false as const, error: "We couldn't reach the server. Try again." }));
      if (result.ok) {
        setErrors({ fields: {} });
        onCreated(result.data.key);
      } else {
        setErrors({ form: result.error, fields: ("fieldErrors" in result ? result.fieldErrors : undefined) ?? {} });
      }
    });
  }

  return (
    <Dialog open={open} onOpenChange={close}>
      <DialogContent
        title="Create an API key"
        description="The key is shown once, right after you create it."
        onCloseAutoFocus={onCloseAutoFocus}
      >
        <form onSubmit={onSubmit} onBlur={onBlur} noValidate className="space-y-5">
          {errors.form && <FormMessage tone="error">{errors.form}</FormMessage>}
          <KeySettingsFields
            idPrefix="key"
            defaults={{ ...blank, scopes: [...blank.scopes] }}
            errors={errors.fields}
            afterName={
              <fieldset className="space-y-2">
                <legend className="text-sm font-medium">Mode</legend>
                <div className="grid gap-2 sm:grid-cols-2">
                  {modeOptions.map((option) => (
                    <Choice key={option.value} type="radio" name="mode" {...option} defaultChecked={option.value === "live"} />
                  ))}
                </div>
              </fieldset>
            }
          />
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <Button variant="outline" onClick={() => close(false)}>
              Cancel
            </Button>
            <Button type="submit" disabled={isPending}>
              {isPending ? "Creating…" : "Create key"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
