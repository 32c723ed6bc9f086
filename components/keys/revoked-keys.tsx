"use client";

import { ChevronDown } from "lucide-react";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cn } from "@/lib/utils/cn";
import { useKeysUi } from "./keys-ui";

/**
 * A row of the keys list; a revoked one is hidden until the revoked keys are shown. Every row is
 * this same element, so a key revoked here keeps its row (and the focus move that follows).
 */
export function KeyRow({ keyId, isRevoked, children }: { keyId: string; isRevoked: boolean; children: ReactNode }) {
  const { isShowingRevoked } = useKeysUi();
  return (
    <li aria-labelledby={`${keyId}-name`} hidden={isRevoked && !isShowingRevoked}>
      {children}
    </li>
  );
}

export function RevokedKeysToggle({ count, listId }: { count: number; listId: string }) {
  const { isShowingRevoked, setShowingRevoked } = useKeysUi();
  const keys = `${count} revoked key${count === 1 ? "" : "s"}`;
  return (
    <Button variant="outline" size="sm" aria-expanded={isShowingRevoked} aria-controls={listId} onClick={() => setShowingRevoked(!isShowingRevoked)}>
      <ChevronDown aria-hidden className={cn("transition-transform", isShowingRevoked && "rotate-180")} />
      {isShowingRevoked ? `Hide ${keys}` : `Show ${keys}`}
    </Button>
  );
}
