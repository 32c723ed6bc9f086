"use client";

import { Plus } from "lucide-react";
import { createContext, type ReactNode, useContext, useMemo, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { CreateKeyDialog } from "./create-key-dialog";
import { Dialog, DialogContent } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/auth/action";
import type { KeyMode } from "@/lib/keys/format";
import type { KeyScope } from "@/lib/keys/schemas";
import { KeyReveal } from "./key-reveal";

type Revealed = { title: string; secret: string };

type KeySettingsFormInput = {
  name: string;
  scopes: KeyScope[];
  ratePer10s: string;
  dailyCapUsd: string;
};

export type CreateKeyFormInput = KeySettingsFormInput & {
  mode: KeyMode;
  /** ISO time, or null for a key that never expires. */
  expiresAt: string | null;
};

export type UpdateKeyFormInput = KeySettingsFormInput & {
  keyId: string;
  /** ISO time, null for never, or left out to keep the expiry as it is. */
  expiresAt?: string | null;
};

/** The page's server actions, handed down so that components never import from app/. */
export type KeyServerActions = {
  createKey: (input: CreateKeyFormInput) => Promise<ActionResult<{ key: string }>>;
  updateKey: (input: UpdateKeyFormInput) => Promise<ActionResult<unknown>>;
  revokeKey: (input: { keyId: string }) => Promise<ActionResult<unknown>>;
  rollKey: (input: { keyId: string; graceDays: number }) => Promise<ActionResult<{ key: string }>>;
};

type KeysUi = {
  actions: KeyServerActions;
  openCreate: (opener: HTMLElement) => void;
  /** Shows a new key once; `opener` gets the focus back when the person is done with it. */
  reveal: (revealed: Revealed, opener: HTMLElement | null) => void;
  /** Whether the revoked keys are listed, not just counted. */
  isShowingRevoked: boolean;
  setShowingRevoked: (showing: boolean) => void;
};

const KeysUiContext = createContext<KeysUi | null>(null);

export function useKeysUi(): KeysUi {
  const ui = useContext(KeysUiContext);
  if (!ui) throw new Error("useKeysUi must be used inside <KeysUiProvider>");
  return ui;
}

const PRIMARY_CREATE_ID = "create-key";
/** About five seconds at 60 frames a second. */
const FOCUS_WAIT_FRAMES = 300;

/**
 * Holds the create dialog and the one-time reveal at page level. A dialog inside the list would
 * unmount, and lose the only copy of a key, when the list changes under it: the empty state that
 * gives way to the first key, or a row whose actions go away when a roll revokes its key.
 */
export function KeysUiProvider({ actions, children }: { actions: KeyServerActions; children: ReactNode }) {
  const [isCreating, setCreating] = useState(false);
  const [revealed, setRevealed] = useState<Revealed | null>(null);
  const [isConfirmingClose, setConfirmingClose] = useState(false);
  const [isShowingRevoked, setShowingRevoked] = useState(false);
  const opener = useRef<HTMLElement | null>(null);

  const ui = useMemo<KeysUi>(
    () => ({
      actions,
      openCreate: (from) => {
        opener.current = from;
        setCreating(true);
      },
      reveal: (next, from) => {
        opener.current = from;
        setConfirmingClose(false);
        setRevealed(next);
      },
      isShowingRevoked,
      setShowingRevoked,
    }),
    [actions, isShowingRevoked],
  );

  // The element that opened the flow may be gone by now, or go soon after it takes the focus: the
  // empty state's button gives way to the list when the refreshed page lands, which on a busy
  // server is after the dialog closes. So for about five seconds, whenever the focus has dropped to
  // the document, it goes to the opener if it is still there, else to the page's own create button.
  // A focus the user moved elsewhere in that time is left alone.
  function restoreFocus(event: Event) {
    event.preventDefault();
    const from = opener.current;
    let placed: Element | null = null;
    const settle = (framesLeft: number) => {
      const active = document.activeElement;
      const dropped = active === null || active === document.body;
      if (!dropped && active !== placed) return;
      if (dropped) {
        const target = from?.isConnected ? from : document.getElementById(PRIMARY_CREATE_ID);
        target?.focus();
        placed = target ?? null;
      }
      if (framesLeft > 0) requestAnimationFrame(() => settle(framesLeft - 1));
    };
    settle(FOCUS_WAIT_FRAMES);
  }

  function closeReveal() {
    setConfirmingClose(false);
    setRevealed(null);
  }

  return (
    <KeysUiContext value={ui}>
      {children}
      <CreateKeyDialog
        createKey={actions.createKey}
        open={isCreating}
        onOpenChange={setCreating}
        onCreated={(secret) => {
          setCreating(false);
          setConfirmingClose(false);
          setRevealed({ title: "Save your API key", secret });
        }}
        onCloseAutoFocus={(event) => {
          if (revealed) event.preventDefault();
          else restoreFocus(event);
        }}
      />
      {/* Controlled: the close button and Escape only ask first; "Done" or the warning's "Close" close it. */}
      <Dialog open={revealed !== null} onOpenChange={(open) => !open && setConfirmingClose(true)}>
        {revealed && (
          <DialogContent
            title={revealed.title}
            onOpenAutoFocus={(event) => event.preventDefault()}
            onInteractOutside={(event) => event.preventDefault()}
            onCloseAutoFocus={restoreFocus}
          >
            <KeyReveal
              secret={revealed.secret}
              isConfirmingClose={isConfirmingClose}
              onDone={closeReveal}
              onKeepOpen={() => setConfirmingClose(false)}
            />
          </DialogContent>
        )}
      </Dialog>
    </KeysUiContext>
  );
}

export function CreateKeyButton({ label = "Create key", isPrimary = false }: { label?: string; isPrimary?: boolean }) {
  const { openCreate } = useKeysUi();
  return (
    <Button id={isPrimary ? PRIMARY_CREATE_ID : undefined} onClick={(event) => openCreate(event.currentTarget)}>
      <Plus aria-hidden />
      {label}
    </Button>
  );
}
