"use client";

import { Code2, Download, RotateCcw, Trophy, X } from "lucide-react";
import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Button, buttonVariants } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { sizeFor } from "@/lib/catalog/size";
import type { PaneView } from "@/lib/playground/contract";
import { presetsFor } from "@/lib/playground/presets";
import { cn } from "@/lib/utils/cn";
import { ParamControls, paneParams } from "./param-controls";
import { PaneResult } from "./pane-result";
import type { PaneDraft, PlaygroundVariant, VariantSpeeds } from "./types";
import { VariantPicker } from "./variant-picker";

/** The ratio a variant will render for the shared choice: its own default when it lacks that one. */
export function ratioFor(variant: PlaygroundVariant, aspectRatio: string): { ratio: string | undefined; isFallback: boolean } {
  const param = variant.parameters.find((d) => d.name === "aspect_ratio");
  if (param?.type !== "enum") return { ratio: undefined, isFallback: false };
  if (param.options.includes(aspectRatio)) return { ratio: aspectRatio, isFallback: false };
  return { ratio: param.default, isFallback: true };
}

export type PaneActions = {
  onRerun: (paneId: string) => void;
  onCancel: (paneId: string) => void;
  onPickWinner: (paneId: string) => void;
  onCopyCode: (pane: PaneView) => void;
};

const ended = new Set(["success", "fail", "cancelled"]);

/** One pane: its model, controls and presets while setting up; its live result and actions once run. */
export function PaneCard({
  index,
  draft,
  variants,
  prices,
  speeds,
  isTest,
  aspectRatio,
  canRemove,
  errors,
  result,
  isHidden,
  isWinner,
  isBusy,
  now,
  canOpenTask,
  actions,
  onChange,
  onRemove,
}: {
  index: number;
  draft: PaneDraft;
  variants: PlaygroundVariant[];
  prices: Record<string, number>;
  speeds: VariantSpeeds;
  isTest: boolean;
  aspectRatio: string;
  /** Signed in: the pane's task is the account's own, with a page in the task log. */
  canOpenTask: boolean;
  canRemove: boolean;
  /** Keyed by the path under the pane: "variant", "params.steps", "promptAddition". */
  errors: Record<string, string>;
  result: PaneView | undefined;
  isHidden: boolean;
  isWinner: boolean;
  isBusy: boolean;
  now: number;
  actions: PaneActions;
  onChange: (next: PaneDraft) => void;
  onRemove: () => void;
}) {
  const n = index + 1;
  const variant = variants.find((v) => v.slug === draft.variant);
  const controls = variant ? paneParams(variant.parameters) : [];
  const paramErrors = Object.fromEntries(
    Object.entries(errors)
      .filter(([path]) => path.startsWith("params."))
      .map(([path, message]) => [path.slice("params.".length), message]),
  );
  const basic = controls.filter((d) => !d.advanced);
  const advanced = controls.filter((d) => d.advanced);
  const presets = variant ? presetsFor(variant) : [];
  const ratio = variant ? ratioFor(variant, aspectRatio) : null;
  const size = variant ? sizeFor(variant, ratio?.ratio) : null;
  const setParam = (name: string, value: unknown) => {
    const params = { ...draft.params };
    if (value === undefined) delete params[name];
    else params[name] = value;
    onChange({ ...draft, params, label: undefined });
  };
  const image = result?.images[0];

  return (
    <Card role="region" aria-label={`Pane ${n}`} className={cn("flex flex-col gap-4 p-4", isWinner && "border-success ring-2 ring-success/40")}>
      <div className="flex items-center justify-between gap-2">
        <p className="text-sm font-medium text-muted-foreground">Pane {n}</p>
        <div className="flex items-center gap-2">
          {isWinner && (
            <Badge tone="success">
              <Trophy aria-hidden className="size-3" />
              Winner
            </Badge>
          )}
          {canRemove && (
            <Button variant="ghost" size="sm" onClick={onRemove}>
              <X aria-hidden />
              <span className="sr-only">Remove pane {n}</span>
            </Button>
          )}
        </div>
      </div>

      {isHidden ? (
        <p className="text-sm text-muted-foreground">Blind comparison: which model made which image shows after you pick a winner.</p>
      ) : (
        <div className="space-y-4">
          <div className="space-y-1.5">
            <VariantPicker
              paneNumber={n}
              value={draft.variant}
              variants={variants}
              prices={prices}
              speeds={speeds}
              isTest={isTest}
              error={errors.variant}
              onPick={(slug) => onChange({ ...draft, variant: slug, params: {}, label: undefined })}
            />
            {errors.variant && <p className="text-xs font-medium text-danger">{errors.variant}</p>}
            {variant && size && (
              <p className="text-xs text-muted-foreground tabular-nums">
                {size.width}×{size.height}
                {ratio?.isFallback && ratio.ratio && ` · ${ratio.ratio} here: no ${aspectRatio} for this model`}
                {draft.label && ` · ${draft.label}`}
              </p>
            )}
          </div>
          {presets.length > 0 && (
            <div role="group" aria-label={`Presets for pane ${n}`} className="flex flex-wrap gap-2">
              {presets.map((preset) => (
                <Button
                  key={preset.id}
                  variant="outline"
                  size="sm"
                  aria-pressed={draft.label === preset.label}
                  onClick={() => onChange({ ...draft, params: { ...draft.params, ...preset.params }, label: preset.label })}
                >
                  {preset.title}
                </Button>
              ))}
            </div>
          )}
          <ParamControls
            descriptors={basic}
            idPrefix={`pane-${n}`}
            values={draft.params}
            errors={paramErrors}
            onChange={setParam}
          />
          <details className="rounded-lg border px-3 py-2 text-sm" open={advanced.some((d) => paramErrors[d.name]) || undefined}>
            <summary className="cursor-pointer font-medium">Advanced</summary>
            <div className="mt-3 space-y-4">
              <ParamControls
                descriptors={advanced}
                idPrefix={`pane-${n}`}
                values={draft.params}
                errors={paramErrors}
                onChange={setParam}
              />
              <div className="space-y-1.5">
                <label htmlFor={`pane-${n}-prompt-addition`} className="text-sm font-medium">
                  Extra prompt for this pane
                </label>
                <Input
                  id={`pane-${n}-prompt-addition`}
                  value={draft.promptAddition}
                  maxLength={2000}
                  aria-describedby={`pane-${n}-prompt-addition-help`}
                  onChange={(e) => onChange({ ...draft, promptAddition: e.target.value })}
                />
                <p id={`pane-${n}-prompt-addition-help`} className="text-xs text-muted-foreground">
                  Appended to the shared prompt for this pane only.
                </p>
                {errors.promptAddition && <p className="text-xs font-medium text-danger">{errors.promptAddition}</p>}
              </div>
            </div>
          </details>
        </div>
      )}

      {result && (
        <div className="space-y-3 border-t pt-4">
          <PaneResult pane={result} now={now} />
          <div className="flex flex-wrap gap-2">
            {(result.state === "waiting" || result.state === "queuing") && (
              <Button variant="outline" size="sm" disabled={isBusy} onClick={() => actions.onCancel(result.id)}>
                Cancel
              </Button>
            )}
            {ended.has(result.state) && (
              <Button variant="outline" size="sm" disabled={isBusy} onClick={() => actions.onRerun(result.id)}>
                <RotateCcw aria-hidden />
                Re-run
              </Button>
            )}
            {result.state === "success" && !isWinner && (
              <Button variant="outline" size="sm" disabled={isBusy} onClick={() => actions.onPickWinner(result.id)}>
                <Trophy aria-hidden />
                Pick as winner
              </Button>
            )}
            {image && (
              <a href={image.url} download className={buttonVariants({ variant: "outline", size: "sm" })}>
                <Download aria-hidden />
                Download
              </a>
            )}
            {result.input && (
              <Button variant="outline" size="sm" onClick={() => actions.onCopyCode(result)}>
                <Code2 aria-hidden />
                Copy as code
              </Button>
            )}
            {canOpenTask && result.taskId && !isHidden && (
              <Link href={`/dashboard/tasks/${result.taskId}`} className={buttonVariants({ variant: "ghost", size: "sm" })}>
                Task details
              </Link>
            )}
          </div>
        </div>
      )}
    </Card>
  );
}
