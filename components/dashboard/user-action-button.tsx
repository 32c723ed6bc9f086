"use client";

import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";
import { useAction } from "./use-action";

type UserAction = (input: { email: string }) => Promise<ActionResult<string | null>>;

/** A one-click admin action on a user (sign out everywhere, give the sign-up credit), with its answer. */
export function UserActionButton({ run, email, label, done }: { run: UserAction; email: string; label: string; done: string }) {
  const { pending, result, submit } = useAction(run);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <Button variant="outline" size="sm" disabled={pending} onClick={() => submit({ email })}>
        {pending ? "Working..." : label}
      </Button>
      {result && <span role="status">{result.ok ? (result.data ?? done) : result.error}</span>}
    </div>
  );
}
