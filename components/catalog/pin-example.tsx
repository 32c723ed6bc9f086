"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { FormMessage } from "@/components/dashboard/field";
import { Button } from "@/components/ui/button";
import { Dialog, DialogClose, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import type { ActionResult } from "@/lib/auth/action";

type Pin = (input: { mediaId: string; variantSlug: string }) => Promise<ActionResult<{ replaced: boolean }>>;
type Unpin = (input: { variantSlug: string }) => Promise<ActionResult<{ removed: boolean }>>;

/** The example a pin would replace, shown in the confirmation so the admin sees what goes. */
export type CurrentExample = { thumbnailUrl: string; pinnedAt: string };

const pinnedAtFormat = new Intl.DateTimeFormat("en-US", { dateStyle: "medium", timeStyle: "short", timeZone: "UTC" });

function useConfirmedAction<I, T>(run: (input: I) => Promise<ActionResult<T>>) {
  const router = useRouter();
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [pending, startTransition] = useTransition();
  const confirm = (input: I) =>
    startTransition(async () => {
      const result = await run(input).catch((): ActionResult<T> => ({ ok: false, error: "We couldn't reach the server. Try again." }));
      if (!result.ok) return setError(result.error);
      setOpen(false);
      setDone(true);
      router.refresh();
    });
  const onOpenChange = (next: boolean) => {
    setOpen(next);
    setError(null);
    if (next) setDone(false);
  };
  return { open, onOpenChange, error, done, pending, confirm };
}

/** "Pin as example of …" for one delivered image, with a confirmation naming what it replaces. */
export function PinExampleButton({
  run,
  mediaId,
  variantSlug,
  variantName,
  current,
}: {
  run: Pin;
  mediaId: string;
  variantSlug: string;
  variantName: string;
  current: CurrentExample | null;
}) {
  const { open, onOpenChange, error, done, pending, confirm } = useConfirmedAction(run);
  return (
    <div className="space-y-1">
      <Dialog open={open} onOpenChange={onOpenChange}>
        <DialogTrigger asChild>
          <Button variant="outline" size="sm" className="h-auto min-h-8 w-full py-1 whitespace-normal">
            Pin as example of {variantName}
          </Button>
        </DialogTrigger>
        <DialogContent
          title={`Pin as the example of ${variantName}?`}
          description={
            current
              ? "Everyone sees it on the model's page and its family's card. It replaces the current example, which is then deleted."
              : "Everyone sees it on the model's page and its family's card, with its prompt. The model has no example yet."
          }
        >
          {current && (
            <figure className="mb-4 flex items-center gap-3 rounded-lg border p-2 text-sm">
              {/* eslint-disable-next-line @next/next/no-img-element -- our own stored thumbnail */}
              <img src={current.thumbnailUrl} alt="The current example" width={64} height={64} className="size-16 rounded object-cover" />
              <figcaption className="text-muted-foreground">Current example, pinned {pinnedAtFormat.format(new Date(current.pinnedAt))} UTC</figcaption>
            </figure>
          )}
          {error && <FormMessage tone="error">{error}</FormMessage>}
          <div className="mt-4 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
            <DialogClose asChild>
              <Button variant="outline">Cancel</Button>
            </DialogClose>
            <Button disabled={pending} onClick={() => confirm({ mediaId, variantSlug })}>
              {pending ? "Pinning…" : current ? "Replace the example" : "Pin as example"}
            </Button>
          </div>
        </DialogContent>
      </Dialog>
      <p role="status" className="text-xs text-muted-foreground">
        {done ? `Pinned as the example of ${variantName}.` : null}
      </p>
    </div>
  );
}

/** The admin's "Unpin" under a model's example image. */
export function UnpinExampleButton({ run, variantSlug, variantName }: { run: Unpin; variantSlug: string; variantName: string }) {
  const { open, onOpenChange, error, pending, confirm } = useConfirmedAction(run);
  return (
    <Dialog open={open} onOpenChange={onOpenChange}>
      <DialogTrigger asChild>
        <Button variant="outline" size="sm">
          Unpin<span className="sr-only"> the example of {variantName}</span>
        </Button>
      </DialogTrigger>
      <DialogContent title={`Unpin the example of ${variantName}?`} description="The model's page and card show a placeholder until another image is pinned. The copy is deleted.">
        {error && <FormMessage tone="error">{error}</FormMessage>}
        <div className="mt-4 flex flex-col-reverse gap-2 sm:flex-row sm:justify-end">
          <DialogClose asChild>
            <Button variant="outline">Cancel</Button>
          </DialogClose>
          <Button disabled={pending} onClick={() => confirm({ variantSlug })}>
            {pending ? "Unpinning…" : "Unpin"}
          </Button>
        </div>
      </DialogContent>
    </Dialog>
  );
}
