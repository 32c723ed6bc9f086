"use client";

import { LogOut } from "lucide-react";
import { signOut } from "next-auth/react";
import { useState } from "react";
import { Button, type ButtonVariant } from "@/components/ui/button";

/** `compact` keeps only the icon on narrow screens (the label stays for screen readers). */
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
    <Button
      variant={variant}
      size="sm"
      className={className}
      disabled={isPending}
      onClick={() => {
        setPending(true);
        void signOut({ callbackUrl: "/" });
      }}
    >
      <LogOut aria-hidden />
      <span className={compact ? "sr-only sm:not-sr-only" : undefined}>{isPending ? "Signing out…" : "Sign out"}</span>
    </Button>
  );
}
