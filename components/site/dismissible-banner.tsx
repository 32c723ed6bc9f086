"use client";

import { X } from "lucide-react";
import { useState, type ReactNode } from "react";
import { DEMO_BANNER_COOKIE } from "./demo-banner-cookie";

/** The banner's frame and its close button: hidden now, and by the server for the rest of the session. */
export function DismissibleBanner({ label, children }: { label: string; children: ReactNode }) {
  const [isHidden, setHidden] = useState(false);
  if (isHidden) return null;

  function dismiss() {
    document.cookie = `${DEMO_BANNER_COOKIE}=dismissed; path=/; SameSite=Lax`;
    setHidden(true);
    // The button is about to vanish; focus goes to the page rather than back to the document start.
    document.getElementById("main")?.focus();
  }

  return (
    <section aria-label={label} data-testid="demo-banner" className="border-b border-warning/30 bg-warning/10 text-sm">
      <div className="mx-auto flex max-w-6xl items-start gap-3 px-4 py-2 sm:px-6">
        <div className="min-w-0 flex-1 leading-relaxed text-foreground">{children}</div>
        <button
          type="button"
          onClick={dismiss}
          aria-label={`Hide the ${label.toLowerCase()} notice`}
          className="-mr-1 shrink-0 rounded-md p-1 text-foreground/70 hover:bg-warning/15 hover:text-foreground"
        >
          <X aria-hidden className="size-4" />
        </button>
      </div>
    </section>
  );
}
