import { History } from "lucide-react";
import type { Metadata } from "next";
import { headers } from "next/headers";
import Link from "next/link";
import { randomInt } from "node:crypto";
import { PlaygroundWorkspace, type WorkspaceSetup } from "@/components/playground/workspace";
import type { PlaygroundVariant } from "@/components/playground/types";
import { requestBaseUrl } from "@/components/site/request-base-url";
import { buttonVariants } from "@/components/ui/button";
import { getAccountBalance, getCurrentUser } from "@/lib/auth";
import { listVariants } from "@/lib/catalog";
import { matchListedSlugs } from "@/lib/catalog/compare";
import { parseModelsParam } from "@/lib/catalog/compare-selection";
import { AppError } from "@/lib/errors";
import { MAX_PANES, MAX_SEED, MIN_PANES, type RunView } from "@/lib/playground/contract";
import { actorOf, playgroundPrices, recallRun, variantSpeeds } from "@/lib/playground";

export const metadata: Metadata = {
  title: "Playground",
  description: "One prompt, several image models side by side: compare quality, speed and price before you integrate.",
};

const defaultPanes = ["flux-2-pro-text-to-image-1k", "flux-2-flex-text-to-image-1k"];

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

function panesFrom(slugs: string[], known: PlaygroundVariant[]): WorkspaceSetup["panes"] {
  const listed = slugs.filter((slug) => known.some((v) => v.slug === slug)).slice(0, MAX_PANES);
  const fallback = [...defaultPanes.filter((slug) => known.some((v) => v.slug === slug)), ...known.map((v) => v.slug)].filter(
    (slug) => !listed.includes(slug),
  );
  while (listed.length < MIN_PANES && fallback.length > 0) listed.push(fallback.shift() ?? "");
  return listed.map((variant) => ({ variant, params: {}, promptAddition: "" }));
}

function recall(run: RunView, known: PlaygroundVariant[], seed: number): WorkspaceSetup | null {
  const panes = [...run.panes].sort((a, b) => a.position - b.position);
  if (run.hidden || panes.some((p) => !p.variant)) return null;
  return {
    prompt: run.prompt,
    seed: run.settings.seed ?? seed,
    randomSeed: run.settings.seed === null,
    aspectRatio: run.settings.aspectRatio,
    imageUrls: run.settings.imageUrls,
    isTest: run.settings.mode === "test",
    blind: run.settings.blind,
    panes: panes
      .filter((p) => known.some((v) => v.slug === p.variant?.slug))
      .map((p) => ({
        variant: p.variant?.slug ?? "",
        params: p.params ?? {},
        label: p.label ?? undefined,
        promptAddition: p.promptAddition ?? "",
      })),
  };
}

export default async function PlaygroundPage({ searchParams }: Props) {
  const query = await searchParams;
  const user = await getCurrentUser();
  const catalog = await listVariants();
  const [prices, speeds, balance, baseUrl] = await Promise.all([
    playgroundPrices(user?.accountId ?? null, catalog),
    variantSpeeds(),
    user ? getAccountBalance(user) : null,
    requestBaseUrl(),
  ]);
  const variants: PlaygroundVariant[] = catalog
    .filter((v) => v.status !== "disabled")
    .map((v) => ({
      slug: v.slug,
      displayName: v.displayName,
      familySlug: v.family.slug,
      task: v.task,
      resolutionTier: v.resolutionTier,
      parameters: v.parameters,
    }));
  const seed = randomInt(0, MAX_SEED);

  let initialRun: RunView | null = null;
  let notice: string | null = null;
  const runId = first(query.run);
  if (runId) {
    const actor = actorOf(user, await headers());
    initialRun = actor
      ? await recallRun(actor, runId.slice(0, 40), baseUrl).catch((error: unknown) => {
          if (error instanceof AppError && error.code === "not_found") return null;
          throw error;
        })
      : null;
    if (!initialRun) notice = "That run is not one of yours, or it no longer exists, so the playground starts from the defaults.";
  }

  // A recalled run brings its own panes, so `?run=` wins over `?models=`.
  const prefill = matchListedSlugs(runId ? [] : parseModelsParam(query.models), catalog);
  if (prefill.dropped.length > 0) {
    notice = `Not available in the playground, so left out: ${prefill.dropped.join(", ")}.`;
  }
  if (prefill.slugs.length > MAX_PANES) {
    notice = `${notice ? `${notice} ` : ""}The playground compares up to ${MAX_PANES} models, so it starts with the first ${MAX_PANES}.`;
  }

  const recalled = initialRun ? recall(initialRun, variants, seed) : null;
  if (initialRun && !recalled) notice = "This blind run keeps its models hidden until you pick a winner, so its settings are not filled in below.";
  const setup: WorkspaceSetup = recalled ?? {
    prompt: "",
    seed,
    randomSeed: false,
    aspectRatio: "1:1",
    imageUrls: [],
    isTest: !user,
    blind: false,
    panes: panesFrom(prefill.slugs, variants),
  };
  if (setup.panes.length < MIN_PANES) setup.panes = panesFrom([], variants);

  return (
    <div className="mx-auto max-w-7xl space-y-6 px-4 pt-8 sm:px-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div className="space-y-1">
          <h1 className="text-2xl font-semibold tracking-tight">Playground</h1>
          <p className="max-w-2xl text-sm text-muted-foreground">
            One prompt, up to {MAX_PANES} models side by side: see what each makes of it, how long it takes and what it costs.
          </p>
        </div>
        {user && (
          <Link href="/playground/history" className={buttonVariants({ variant: "outline", size: "sm" })}>
            <History aria-hidden />
            History
          </Link>
        )}
      </div>
      {!user && (
        <div className="flex flex-wrap items-center justify-between gap-3 rounded-xl border bg-accent px-4 py-3 text-sm text-accent-foreground">
          <p>
            You are trying the playground in test mode: free placeholder images from the simulator. Live models, history and
            sharing need an account.
          </p>
          <Link href="/sign-up?callbackUrl=/playground" className={buttonVariants({ size: "sm" })}>
            Sign up to run live models
          </Link>
        </div>
      )}
      {notice && (
        <p role="status" className="rounded-lg border bg-muted px-4 py-3 text-sm">
          {notice}
        </p>
      )}
      {variants.length < MIN_PANES ? (
        <p className="rounded-xl border border-dashed px-6 py-14 text-center text-sm text-muted-foreground">
          The playground needs at least {MIN_PANES} models in the catalog; none are listed yet.
        </p>
      ) : (
        <PlaygroundWorkspace
          key={initialRun?.id ?? "new"}
          variants={variants}
          prices={prices}
          speeds={speeds}
          isSignedIn={user !== null}
          balanceMicros={balance?.availableMicros ?? null}
          baseUrl={baseUrl}
          setup={setup}
          initialRun={initialRun}
        />
      )}
    </div>
  );
}
