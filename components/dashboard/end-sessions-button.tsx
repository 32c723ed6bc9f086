"use client";

import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { ActionResult } from "@/lib/auth/action";

type EndSessions = (input: { email: string }) => Promise<ActionResult<null>>;

/** An admin's revoke: every session of the user ends at once (a stolen cookie included). */
export function EndSessionsButton({ endSessions, email }: { endSessions: EndSessions; email: string }) {
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
            const result = await endSessions({ email }).catch((): ActionResult<null> => ({ ok: false, error: "We couldn't reach the server. Try again." }));
            setAnswer(result.ok ? `${email} is signed out everywhere.` : result.error);
          })
        }
      >
        {pending ? "Signing out..." : "Sign out everywhere"}
      </Button>
      {answer && <span role="status">{answer}</span>}
    </div>
  );
}
