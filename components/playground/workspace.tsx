"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import { Plus, Settings2 } from "lucide-react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog, DialogContent, DialogTrigger } from "@/components/ui/dialog";
import { MAX_PANES, MAX_PROMPT_LENGTH, MAX_REFERENCE_IMAGES, MIN_PANES, type CreateRunRequest, type PaneView, type RunView } from "@/lib/playground/contract";
import { sweepPanes, sweepableParams } from "@/lib/playground/sweep";
import { PlaygroundApiError, playgroundFetch } from "./api";
import { CompareViewer } from "./compare-viewer";
import { CopyAsCodeDialog } from "./copy-as-code";
import { imageToDataUrl } from "./image-scale";
import { PaneCard, type PaneActions } from "./pane-card";
import { ReferenceImages } from "./reference-images";
import { RunBar } from "./run-bar";
import { RunSummary } from "./run-summary";
import { SharedSettings, type SharedSettingsValue } from "./shared-settings";
import type { PaneDraft, PlaygroundVariant, VariantSpeeds } from "./types";
import { takesImages } from "./variant-picker";

export type WorkspaceSetup = {
  prompt: string;
  seed: number;
  randomSeed: boolean;
  aspectRatio: string;
  imageUrls: string[];
  isTest: boolean;
  blind: boolean;
  panes: Omit<PaneDraft, "key">[];
};

type Failure = { message: string; status: number; fields: Record<string, string> };

let draftCounter = 0;
const withKey = (pane: Omit<PaneDraft, "key">): PaneDraft => ({ ...pane, key: `draft-${++draftCounter}` });
const runPath = (runId: string) => `/api/playground/runs/${encodeURIComponent(runId)}`;

function toFailure(error: unknown): Failure {
  if (!(error instanceof PlaygroundApiError)) return { message: "Something went wrong. Try again.", status: 0, fields: {} };
  return { message: error.message, status: error.status, fields: Object.fromEntries(error.details.map((d) => [d.path, d.message])) };
}

/** The union of the panes' aspect ratio options, in the order the models list them. */
function ratioOptions(variants: (PlaygroundVariant | undefined)[]): string[] {
  const all = variants.flatMap((v) => {
    const param = v?.parameters.find((d) => d.name === "aspect_ratio");
    return param?.type === "enum" ? param.options : [];
  });
  return all.length > 0 ? [...new Set(all)] : ["1:1"];
}

export function PlaygroundWorkspace({
  variants,
  prices,
  speeds,
  isSignedIn,
  balanceMicros: initialBalance,
  baseUrl,
  setup,
  initialRun,
}: {
  variants: PlaygroundVariant[];
  prices: Record<string, number>;
  speeds: VariantSpeeds;
  isSignedIn: boolean;
  balanceMicros: number | null;
  baseUrl: string;
  setup: WorkspaceSetup;
  initialRun: RunView | null;
}) {
  const queryClient = useQueryClient();
  const [prompt, setPrompt] = useState(setup.prompt);
  const [shared, setShared] = useState<SharedSettingsValue>({
    seed: setup.seed,
    randomSeed: setup.randomSeed,
    aspectRatio: setup.aspectRatio,
    isTest: setup.isTest || !isSignedIn,
    blind: setup.blind,
  });
  const [images, setImages] = useState(setup.imageUrls);
  const [imageError, setImageError] = useState<string | null>(null);
  const [panes, setPanes] = useState(() => setup.panes.map(withKey));
  const [runId, setRunId] = useState(initialRun?.id ?? null);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [isCreating, setIsCreating] = useState(false);
  const [isBusy, setIsBusy] = useState(false);
  const [comparing, setComparing] = useState(false);
  const [codePane, setCodePane] = useState<PaneView | null>(null);
  const [now, setNow] = useState(() => Date.now());

  const query = useQuery({
    queryKey: ["playground-run", runId],
    queryFn: () => playgroundFetch<RunView>(runPath(runId ?? "")),
    enabled: runId !== null,
    initialData: initialRun && initialRun.id === runId ? initialRun : undefined,
    staleTime: 0,
    refetchInterval: (q) => (q.state.data && !q.state.data.done ? 750 : false),
  });
  const run = runId ? query.data : undefined;
  const isRunning = run !== undefined && !run.done;
  const balanceMicros = run?.balanceMicros ?? initialBalance;

  useEffect(() => {
    if (!isRunning) return;
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [isRunning]);

  const paneVariants = panes.map((p) => variants.find((v) => v.slug === p.variant));
  const ratios = ratioOptions(paneVariants);
  const aspectRatio = ratios.includes(shared.aspectRatio) ? shared.aspectRatio : (ratios[0] ?? "1:1");
  const usedBy = paneVariants.filter((v) => v && takesImages(v)).length;
  const totalMicros = shared.isTest ? 0 : panes.reduce((sum, p) => sum + (prices[p.variant] ?? 0), 0);

  const showRun = useCallback(
    (view: RunView) => {
      queryClient.setQueryData(["playground-run", view.id], view);
      setRunId(view.id);
    },
    [queryClient],
  );

  const clearRun = () => {
    setRunId(null);
    window.history.replaceState(null, "", "/playground");
  };

  const start = async () => {
    if (isCreating) return;
    setFailure(null);
    setIsCreating(true);
    const body: CreateRunRequest = {
      prompt,
      seed: shared.randomSeed ? null : shared.seed,
      aspectRatio,
      imageUrls: images,
      mode: shared.isTest ? "test" : "live",
      blind: shared.blind,
      panes: panes.map((p) => ({
        variant: p.variant,
        params: p.params,
        label: p.label,
        promptAddition: p.promptAddition.trim() === "" ? undefined : p.promptAddition,
      })),
    };
    try {
      const view = await playgroundFetch<RunView>("/api/playground/runs", { method: "POST", body });
      showRun(view);
      window.history.replaceState(null, "", `/playground?run=${encodeURIComponent(view.id)}`);
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setIsCreating(false);
    }
  };

  const act = async (path: string, method: "POST" | "DELETE", body?: unknown) => {
    if (!runId) return;
    setIsBusy(true);
    setFailure(null);
    try {
      showRun(await playgroundFetch<RunView>(`${runPath(runId)}${path}`, { method, body }));
    } catch (error) {
      setFailure(toFailure(error));
    } finally {
      setIsBusy(false);
    }
  };
  const actRef = useRef(act);
  useEffect(() => {
    actRef.current = act;
  });
  const winnerRef = useRef(run?.winnerPaneId ?? null);
  useEffect(() => {
    winnerRef.current = run?.winnerPaneId ?? null;
  });
  const onNote = useCallback((note: string) => {
    void actRef.current("/vote", "POST", { winnerPaneId: winnerRef.current, note });
  }, []);

  const actions: PaneActions = {
    onRerun: (paneId) => void act(`/panes/${encodeURIComponent(paneId)}/rerun`, "POST"),
    onCancel: (paneId) => void act(`/panes/${encodeURIComponent(paneId)}/cancel`, "POST"),
    onPickWinner: (paneId) => void act("/vote", "POST", { winnerPaneId: paneId, note: run?.note ?? "" }),
    onCopyCode: setCodePane,
  };

  const isShort = !shared.isTest && balanceMicros !== null && totalMicros > balanceMicros;
  const canRun = prompt.trim() !== "" && !isShort && !isCreating;
  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = canRun ? start : async () => {};
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && e.key === "Enter") {
        e.preventDefault();
        void startRef.current();
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, []);

  const addFiles = useCallback(async (files: File[]) => {
    setImageError(null);
    for (const file of files) {
      try {
        const url = await imageToDataUrl(file);
        setImages((list) => (list.length < MAX_REFERENCE_IMAGES ? [...list, url] : list));
      } catch (error) {
        setImageError(error instanceof Error ? error.message : "This image could not be read.");
      }
    }
  }, []);
  useEffect(() => {
    const onPaste = (e: ClipboardEvent) => {
      const files = [...(e.clipboardData?.files ?? [])].filter((f) => f.type.startsWith("image/"));
      if (files.length === 0) return;
      e.preventDefault();
      void addFiles(files);
    };
    document.addEventListener("paste", onPaste);
    return () => document.removeEventListener("paste", onPaste);
  }, [addFiles]);

  const setPaneCount = (next: PaneDraft[]) => {
    setPanes(next);
    if (runId) clearRun();
  };
  const onSweep = (slug: string, paramName: string) => {
    const variant = variants.find((v) => v.slug === slug);
    const param = variant && sweepableParams(variant.parameters).find((d) => d.name === paramName);
    if (!param) return;
    const swept = sweepPanes(param, MAX_PANES).map((p) => withKey({ variant: slug, params: p.params, label: p.label, promptAddition: "" }));
    if (swept.length >= MIN_PANES) setPaneCount(swept);
  };

  const paneErrors = (i: number) =>
    Object.fromEntries(
      Object.entries(failure?.fields ?? {})
        .filter(([path]) => path.startsWith(`panes.${i}.`))
        .map(([path, message]) => [path.slice(`panes.${i}.`.length), message]),
    );
  const resultFor = (i: number) => (run?.hidden ? run.panes[i] : run?.panes.find((p) => p.position === i));
  const succeeded = run?.panes.filter((p) => p.state === "success") ?? [];
  const winner = succeeded.find((p) => p.id === run?.winnerPaneId);
  const compareLeft = winner ?? succeeded[0];
  const compareRight = succeeded.find((p) => p !== compareLeft);

  const settings = (
    <SharedSettings
      value={{ ...shared, aspectRatio }}
      onChange={(next) => setShared((s) => ({ ...s, ...next }))}
      ratios={ratios}
      isSignedIn={isSignedIn}
      variants={variants}
      onSweep={onSweep}
    />
  );

  return (
    <div className="space-y-6">
      <div className="grid gap-6 md:grid-cols-[16rem_minmax(0,1fr)] lg:grid-cols-[18rem_minmax(0,1fr)]">
        <aside aria-label="Shared settings" className="hidden md:block">
          {settings}
        </aside>
        <div className="min-w-0 space-y-6">
          <div className="space-y-2">
            <div className="flex items-center justify-between gap-3">
              <label htmlFor="playground-prompt" className="text-sm font-medium">
                Prompt
              </label>
              <Dialog>
                <DialogTrigger asChild>
                  <Button variant="outline" size="sm" className="md:hidden">
                    <Settings2 aria-hidden />
                    Settings
                  </Button>
                </DialogTrigger>
                <DialogContent title="Settings" description="Seed, aspect ratio, test mode, blind comparison and sweep.">
                  {settings}
                </DialogContent>
              </Dialog>
            </div>
            <textarea
              id="playground-prompt"
              value={prompt}
              maxLength={MAX_PROMPT_LENGTH}
              rows={3}
              placeholder="A lighthouse on a basalt cliff at dusk, volumetric fog, 35 mm photo"
              aria-describedby="playground-prompt-help"
              aria-invalid={failure?.fields.prompt ? true : undefined}
              onChange={(e) => setPrompt(e.target.value)}
              className="w-full rounded-md border border-input bg-card px-3 py-2 text-base placeholder:text-muted-foreground"
            />
            <p id="playground-prompt-help" className="text-xs text-muted-foreground">
              Ctrl+Enter (⌘+Enter on a Mac) runs every pane from anywhere on the page.
            </p>
            {failure?.fields.prompt && <p className="text-xs font-medium text-danger">{failure.fields.prompt}</p>}
          </div>
          <ReferenceImages
            images={images}
            usedBy={usedBy}
            paneCount={panes.length}
            error={imageError ?? failure?.fields.imageUrls ?? null}
            onAddFiles={(files) => void addFiles(files)}
            onAddUrl={(url) => setImages((list) => [...list, url])}
            onRemove={(index) => setImages((list) => list.filter((_, i) => i !== index))}
          />

          {failure && (
            <div role="alert" className="space-y-1 rounded-lg border border-danger/40 bg-danger/10 px-4 py-3 text-sm">
              <p className="font-medium">{failure.message}</p>
              {Object.keys(failure.fields).length > 0 && (
                <ul className="list-disc pl-5">
                  {Object.entries(failure.fields).map(([path, message]) => (
                    <li key={path}>
                      <span className="font-mono text-xs">{path}</span>: {message}
                    </li>
                  ))}
                </ul>
              )}
              {failure.status === 402 && (
                <Link href="/dashboard/billing" className="font-medium text-primary underline underline-offset-4">
                  Top up your balance
                </Link>
              )}
            </div>
          )}

          {run && (
            <RunSummary
              key={run.id}
              run={run}
              isSignedIn={isSignedIn}
              isBusy={isBusy}
              onNote={onNote}
              onCompare={() => setComparing(true)}
              onShare={() => void act("/share", "POST")}
              onUnshare={() => void act("/share", "DELETE")}
            />
          )}
          {runId && query.error && (
            <p role="alert" className="text-sm text-danger">
              {query.error instanceof PlaygroundApiError ? query.error.message : "Could not load this run."}
            </p>
          )}

          <div data-testid="results" className={panes.length > 2 ? "grid gap-4 md:grid-cols-2 2xl:grid-cols-4" : "grid gap-4 md:grid-cols-2"}>
            {panes.map((draft, i) => (
              <PaneCard
                key={draft.key}
                index={i}
                draft={draft}
                variants={variants}
                prices={prices}
                speeds={speeds}
                isTest={shared.isTest}
                aspectRatio={aspectRatio}
                canRemove={panes.length > MIN_PANES}
                errors={paneErrors(i)}
                result={resultFor(i)}
                isHidden={run?.hidden ?? false}
                isWinner={run?.winnerPaneId != null && resultFor(i)?.id === run.winnerPaneId}
                isBusy={isBusy}
                now={now}
                canOpenTask={initialBalance !== null}
                actions={actions}
                onChange={(next) => setPanes((list) => list.map((p) => (p.key === draft.key ? next : p)))}
                onRemove={() => setPaneCount(panes.filter((p) => p.key !== draft.key))}
              />
            ))}
          </div>
          {panes.length < MAX_PANES && (
            <Button
              variant="outline"
              onClick={() => setPaneCount([...panes, withKey({ variant: panes.at(-1)?.variant ?? "", params: {}, promptAddition: "" })])}
            >
              <Plus aria-hidden />
              Add pane
            </Button>
          )}
        </div>
      </div>

      <RunBar
        totalMicros={totalMicros}
        balanceMicros={balanceMicros}
        isTest={shared.isTest}
        isShort={isShort}
        canRun={canRun}
        isCreating={isCreating}
        paneCount={panes.length}
        onRun={() => void start()}
      />

      {comparing && compareLeft && compareRight && (
        <CompareViewer left={compareLeft} right={compareRight} onClose={() => setComparing(false)} />
      )}
      {codePane && (
        <CopyAsCodeDialog pane={codePane} baseUrl={baseUrl} open onOpenChange={(open) => !open && setCodePane(null)} />
      )}
    </div>
  );
}
