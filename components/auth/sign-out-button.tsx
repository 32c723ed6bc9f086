"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

/**
 * Without JavaScript the form opens next-auth's own sign-out page, whose form posts with its CSRF
 * token; with it, the sign-out happens in place. `compact` keeps only the icon on narrow screens
 * (the label stays for screen readers).
 */
export function SignOutButton({
  variant = "ghost",
  compact = false,
  className,
}: {
  variant?: ButtonVariant;
  compact?: boolean;
  className?: string;
}) {
  const [isPending, setPending] = useState(false);
  return (
    <form
      action="/api/auth/signout"
      method="get"
      className={className}
      onSubmit={(event) => {
        event.preventDefault();
        setPending(true);
        void signOut({ callbackUrl: "/" });
      }}
    >
      <Button type="submit" variant={variant} size="sm" disabled={isPending}>
        <LogOut aria-hidden />
        <span className={compact ? "sr-only sm:not-sr-only" : undefined}>{isPending ? "Signing out…" : "Sign out"}</span>
      </Button>
    </form>
  );
}
