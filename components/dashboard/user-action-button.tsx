"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";

type UserAction = (input: { email: string }) => Promise<ActionResult<string | null>>;

/** A one-click admin action on a user (sign out everywhere, give the sign-up credit), with its answer. */
export function UserActionButton({ run, email, label, done }: { run: UserAction; email: string; label: string; done: string }) {
  const [pending, startTransition] = useTransition();
  const [answer, setAnswer] = useState<string | null>(null);
  return (
    <div className="flex flex-wrap items-center gap-3 text-sm">
      <Button
        variant="outline"
        size="sm"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await run({ email }).catch((): ActionResult<null> => ({ ok: false, error: "We couldn't reach the server. Try again." }));
            setAnswer(result.ok ? (result.data ?? done) : result.error);
          })
        }
      >
        {pending ? "Working..." : label}
      </Button>
      {answer && <span role="status">{answer}</span>}
    </div>
  );
}
