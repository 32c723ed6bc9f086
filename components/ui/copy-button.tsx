"use client";

import { Check, Copy } from "lucide-react";
import { useEffect, useState } from "react";
import { cn } from "@/lib/utils/cn";
import { buttonVariants } from "./button";

type CopyState = "idle" | "copied" | "failed";

// navigator.clipboard exists only in secure contexts; a self-hosted instance reached over plain
// http on a LAN address is not one, so fall back to the older selection-based copy.
async function writeClipboard(text: string): Promise<boolean> {
  if (navigator.clipboard) {
    try {
      await navigator.clipboard.writeText(text);
      return true;
    } catch {
      // Permission denied or document not focused: the fallback below may still work.
    }
  }
  const area = document.createElement("textarea");
  area.value = text;
  area.setAttribute("readonly", "");
  area.style.position = "fixed";
  area.style.opacity = "0";
  document.body.append(area);
  area.select();
  try {
    return document.execCommand("copy");
  } catch {
    return false;
  } finally {
    area.remove();
  }
}

const stateText: Record<CopyState, string> = { idle: "Copy", copied: "Copied", failed: "Copy failed" };

/** Copies `text`; `label` finishes the accessible name, e.g. "Copy curl example". */
export function CopyButton({ text, label, className }: { text: string; label: string; className?: string }) {
  const [state, setState] = useState<CopyState>("idle");

  useEffect(() => {
    if (state === "idle") return;
    const timer = setTimeout(() => setState("idle"), 2000);
    return () => clearTimeout(timer);
  }, [state]);

  return (
    <>
      <button
        type="button"
        onClick={async () => setState((await writeClipboard(text)) ? "copied" : "failed")}
        className={cn(buttonVariants({ variant: "outline", size: "sm" }), "min-w-24", className)}
      >
        {state === "copied" ? <Check aria-hidden /> : <Copy aria-hidden />}
        {stateText[state]}
        <span className="sr-only"> {label}</span>
      </button>
      <span role="status" className="sr-only">
        {state === "copied" ? "Copied to clipboard" : state === "failed" ? "Could not copy; select the text instead" : ""}
      </span>
    </>
  );
}
