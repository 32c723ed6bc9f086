"use client";

import { useState, useTransition } from "react";
import type { ActionResult } from "@/lib/auth/action";

const unreachable: ActionResult<never> = { ok: false, error: "We couldn't reach the server. Try again." };

/** Runs a server action in a transition and keeps its result (an unreachable server is a result too). */
export function useAction<I, T>(run: (input: I) => Promise<ActionResult<T>>) {
  const [pending, startTransition] = useTransition();
  const [result, setResult] = useState<ActionResult<T> | null>(null);
  const submit = (input: I) => {
    setResult(null);
    startTransition(async () => setResult(await run(input).catch(() => unreachable)));
  };
  return { pending, result, submit, fieldErrors: result && !result.ok ? (result.fieldErrors ?? {}) : {} };
}
