"use client";

import { signOut } from "next-auth/react";
import { useEffect, useState, type FormEvent } from "react";
import { Field, FormMessage } from "@/components/dashboard/field";
import { useAction } from "@/components/dashboard/use-action";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/auth/action";

type DeleteAccount = (input: { confirmEmail: string; password?: string }) => Promise<ActionResult<null>>;

const dangerButton = "bg-danger text-primary-foreground hover:bg-danger/90";

/** The delete form inside a confirmation dialog; on success the browser signs out and goes home. */
export function DeleteAccountDialog({
  remove,
  email,
  hasPassword,
  balance,
  retentionYears,
}: {
  remove: DeleteAccount;
  email: string;
  hasPassword: boolean;
  /** The remaining balance, formatted. */
  balance: string;
  retentionYears: number;
}) {
  const [open, setOpen] = useState(false);
  const { pending, result, submit, fieldErrors } = useAction(remove);

  useEffect(() => {
    if (result?.ok) void signOut({ callbackUrl: "/" });
  }, [result]);

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    submit({
      confirmEmail: String(data.get("confirmEmail") ?? ""),
      ...(hasPassword ? { password: String(data.get("password") ?? "") } : {}),
    });
  }

  return (
    <Dialog open={open} onOpenChange={setOpen}>
      <DialogTrigger asChild>
        <Button className={dangerButton}>Delete account…</Button>
      </DialogTrigger>
      <DialogContent title="Delete your account?" description="This cannot be undone.">
        <form noValidate onSubmit={onSubmit} className="space-y-4" aria-label="Delete account">
          <ul className="list-disc space-y-1 pl-5 text-sm">
            <li>Every API key stops working at once, and you are signed out everywhere.</li>
            <li>Your email, name, password, linked sign-ins, provider keys, saved card, playground runs, prompts and images are erased.</li>
            <li>
              The ledger, top-ups and what each task cost are kept for {retentionYears} years, as bookkeeping law requires, without
              your name, email or prompts.
            </li>
            <li>
              Your remaining balance of <strong>{balance}</strong> is forfeited unless the operator refunds it: ask them before you
              delete.
            </li>
          </ul>
          {result && !result.ok && <FormMessage tone="error">{result.error}</FormMessage>}
          {result?.ok && <FormMessage tone="success">Account deleted. Signing you out…</FormMessage>}
          <Field
            id="confirmEmail"
            name="confirmEmail"
            type="email"
            label={
              <>
                Type <span className="font-mono break-all">{email}</span> to confirm
              </>
            }
            autoComplete="off"
            errors={fieldErrors.confirmEmail}
          />
          {hasPassword && (
            <Field id="deletePassword" name="password" type="password" label="Your password" autoComplete="current-password" errors={fieldErrors.password} />
          )}
          <div className="flex flex-wrap justify-end gap-2">
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button type="submit" className={dangerButton} disabled={pending || result?.ok}>
              {pending ? "Deleting…" : "Delete my account"}
            </Button>
          </div>
        </form>
      </DialogContent>
    </Dialog>
  );
}
