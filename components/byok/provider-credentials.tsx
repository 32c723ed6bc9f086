"use client";

import { AlertDialog } from "radix-ui";
import { useId, useState, useTransition, type FormEvent } from "react";
import { Field, FormMessage } from "@/components/dashboard/field";
import { relativeTime } from "@/components/keys/relative-time";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { ActionResult } from "@/lib/auth/action";
import type { ByokProviderSlug } from "@/lib/byok/providers";
import type { CheckOutcome, CheckResult, CredentialView } from "@/lib/byok/view";

/** The page's server actions, handed down so that components never import from app/. */
export type ProviderKeyActions = {
  save: (input: { providerSlug: ByokProviderSlug; secret: string }) => Promise<ActionResult<CheckResult>>;
  recheck: (input: { providerSlug: ByokProviderSlug }) => Promise<ActionResult<CheckResult>>;
  remove: (input: { providerSlug: ByokProviderSlug }) => Promise<ActionResult<null>>;
  setFallback: (input: { providerSlug: ByokProviderSlug; allowFallback: boolean }) => Promise<ActionResult<{ allowFallback: boolean }>>;
};

const outcomes: Record<CheckOutcome, { label: string; tone: BadgeTone }> = {
  ok: { label: "Accepted", tone: "success" },
  no_credit: { label: "Out of credit", tone: "warning" },
  refused: { label: "Refused", tone: "danger" },
  inconclusive: { label: "Not confirmed", tone: "neutral" },
};

type Notice = { tone: "error" | "success"; text: string };

const unreachable: ActionResult<never> = { ok: false, error: "We couldn't reach the server. Try again." };

function noticeOf(result: ActionResult<CheckResult>, { isSave = false } = {}): Notice {
  if (!result.ok) return { tone: "error", text: result.error };
  const { outcome, message } = result.data;
  if (outcome === "ok") return { tone: "success", text: isSave ? `${message} Saved.` : message };
  return { tone: "error", text: isSave ? `${message} It was saved; re-check it once that is sorted out.` : message };
}

function KeyForm({
  view,
  actions,
  onDone,
  onCancel,
}: {
  view: CredentialView;
  actions: ProviderKeyActions;
  onDone: (notice: Notice) => void;
  onCancel?: () => void;
}) {
  const id = useId();
  const [isPending, startTransition] = useTransition();
  const [errors, setErrors] = useState<string[] | undefined>();
  const [error, setError] = useState<string | null>(null);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const secret = String(new FormData(form).get("secret") ?? "");
    setErrors(undefined);
    setError(null);
    startTransition(async () => {
      const result = await actions.save({ providerSlug: view.providerSlug, secret }).catch(() => unreachable);
      if (result.ok) {
        form.reset();
        onDone(noticeOf(result, { isSave: true }));
        return;
      }
      // Field errors sit under the field; anything else above the form.
      if (result.fieldErrors?.secret) setErrors(result.fieldErrors.secret);
      else setError(result.error);
    });
  }

  return (
    <form noValidate onSubmit={onSubmit} className="space-y-3" aria-label={`${view.providerName} ${view.credentialLabel}`}>
      {error && <FormMessage tone="error">{error}</FormMessage>}
      <Field
        id={`${id}-secret`}
        name="secret"
        type="password"
        label={`${view.providerName} ${view.credentialLabel}`}
        autoComplete="off"
        spellCheck={false}
        hint="Checked with the upstream before it is saved; stored encrypted and never shown again."
        errors={errors}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" disabled={isPending}>
          {isPending ? "Checking…" : view.stored ? "Check and replace" : "Check and save"}
        </Button>
        {onCancel && (
          <Button variant="outline" onClick={onCancel} disabled={isPending}>
            Cancel
          </Button>
        )}
      </div>
    </form>
  );
}

function RemoveKey({ view, actions, onDone }: { view: CredentialView; actions: ProviderKeyActions; onDone: (notice: Notice) => void }) {
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [isPending, startTransition] = useTransition();

  function remove() {
    startTransition(async () => {
      const result = await actions.remove({ providerSlug: view.providerSlug }).catch(() => unreachable);
      if (!result.ok) return setError(result.error);
      setOpen(false);
      onDone({ tone: "success", text: `The ${view.providerName} ${view.credentialLabel} was removed.` });
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
      <AlertDialog.Trigger asChild>
        <Button variant="outline" size="sm">
          Remove<span className="sr-only"> the {view.providerName} key</span>
        </Button>
      </AlertDialog.Trigger>
      <AlertDialog.Portal>
        <AlertDialog.Overlay className="fixed inset-0 z-40 bg-black/50" />
        <AlertDialog.Content className="fixed inset-x-4 top-1/2 z-50 mx-auto max-w-md -translate-y-1/2 space-y-4 rounded-2xl border bg-card p-6 text-foreground shadow-lg">
          <AlertDialog.Title className="text-lg font-semibold">Remove your {view.providerName} key?</AlertDialog.Title>
          <AlertDialog.Description className="text-sm text-muted-foreground">
            New tasks go back to Lumigate&apos;s own {view.providerName} access at the full price. Tasks running on this key
            now end without a result, uncharged.
          </AlertDialog.Description>
          {error && <FormMessage tone="error">{error}</FormMessage>}
          <div className="flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <AlertDialog.Cancel className={buttonVariants({ variant: "outline" })}>Cancel</AlertDialog.Cancel>
            <Button className="bg-danger text-white hover:bg-danger/90" disabled={isPending} onClick={remove}>
              {isPending ? "Removing…" : "Remove key"}
            </Button>
          </div>
        </AlertDialog.Content>
      </AlertDialog.Portal>
    </AlertDialog.Root>
  );
}

function ProviderCard({ view, actions, now }: { view: CredentialView; actions: ProviderKeyActions; now: number }) {
  const id = useId();
  const [isReplacing, setReplacing] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [isPending, startTransition] = useTransition();
  const { stored } = view;
  const status = stored?.checkOutcome ? outcomes[stored.checkOutcome] : null;

  function recheck() {
    setNotice(null);
    startTransition(async () => {
      setNotice(noticeOf(await actions.recheck({ providerSlug: view.providerSlug }).catch(() => unreachable)));
    });
  }

  function toggleFallback(allowFallback: boolean) {
    setNotice(null);
    startTransition(async () => {
      const result = await actions.setFallback({ providerSlug: view.providerSlug, allowFallback }).catch(() => unreachable);
      if (!result.ok) setNotice({ tone: "error", text: result.error });
    });
  }

  return (
    <Card className="space-y-4 p-5">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-lg font-semibold">
          {view.providerName}
        </h2>
        {stored ? status && <Badge tone={status.tone}>{status.label}</Badge> : <Badge>Not set</Badge>}
      </div>
      {notice && <FormMessage tone={notice.tone}>{notice.text}</FormMessage>}
      {stored && !isReplacing && (
        <>
          <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-[9rem_1fr]">
            <dt className="text-muted-foreground">{view.credentialLabel}</dt>
            <dd className="font-mono">••••{stored.hint}</dd>
            <dt className="text-muted-foreground">Last check</dt>
            <dd>
              {stored.checkedAt ? relativeTime(new Date(stored.checkedAt), now) : "Never"}
              {stored.checkMessage && <span className="block text-muted-foreground">{stored.checkMessage}</span>}
            </dd>
          </dl>
          <label className="flex items-start gap-2 text-sm">
            <input
              type="checkbox"
              className="mt-0.5 size-4"
              checked={stored.allowFallback}
              disabled={isPending}
              onChange={(event) => toggleFallback(event.target.checked)}
            />
            <span>
              When this key cannot run a task (refused, out of credit, or {view.providerName} busy), run it on Lumigate&apos;s
              own access instead, at the full price.
              <span className="block text-muted-foreground">
                Off: a refused key fails the task, uncharged. On: the full price is set aside while a task runs, and only the
                fee is charged when your key serves it.
              </span>
            </span>
          </label>
          <div className="flex flex-wrap gap-2">
            <Button variant="outline" size="sm" onClick={recheck} disabled={isPending}>
              {isPending ? "Checking…" : "Re-check"}
            </Button>
            <Button variant="outline" size="sm" onClick={() => setReplacing(true)}>
              Replace
            </Button>
            <RemoveKey view={view} actions={actions} onDone={setNotice} />
          </div>
        </>
      )}
      {(!stored || isReplacing) && (
        <KeyForm
          view={view}
          actions={actions}
          onDone={(next) => {
            setNotice(next);
            setReplacing(false);
          }}
          onCancel={isReplacing ? () => setReplacing(false) : undefined}
        />
      )}
    </Card>
  );
}

export function ProviderCredentials({ credentials, actions, now }: { credentials: CredentialView[]; actions: ProviderKeyActions; now: number }) {
  return (
    <div className="grid gap-4 lg:grid-cols-2">
      {credentials.map((view) => (
        <ProviderCard key={view.providerSlug} view={view} actions={actions} now={now} />
      ))}
    </div>
  );
}
