"use client";

import { Shuffle } from "lucide-react";
import { useId, useState } from "react";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { MAX_PANES, MAX_SEED } from "@/lib/playground/contract";
import { sweepableParams } from "@/lib/playground/sweep";
import type { PlaygroundVariant } from "./types";

export type SharedSettingsValue = {
  seed: number;
  randomSeed: boolean;
  aspectRatio: string;
  isTest: boolean;
  blind: boolean;
};

export function randomSeed(): number {
  return Math.floor(Math.random() * MAX_SEED);
}

/** Seed, aspect ratio, test mode, blind comparison and sweep: what every pane shares. */
export function SharedSettings({
  value,
  onChange,
  ratios,
  isSignedIn,
  variants,
  onSweep,
}: {
  value: SharedSettingsValue;
  onChange: (next: Partial<SharedSettingsValue>) => void;
  ratios: string[];
  isSignedIn: boolean;
  variants: PlaygroundVariant[];
  onSweep: (variantSlug: string, paramName: string) => void;
}) {
  // Rendered twice (the desktop aside and the phone sheet), so its ids come from useId.
  const id = useId();
  const sweepable = variants.filter((v) => sweepableParams(v.parameters).length > 0);
  const [isSweep, setIsSweep] = useState(false);
  const [sweepVariant, setSweepVariant] = useState(
    () => sweepable.find((v) => v.slug === "flux-2-flex-text-to-image-1k")?.slug ?? sweepable[0]?.slug ?? "",
  );
  const sweepParams = sweepableParams(variants.find((v) => v.slug === sweepVariant)?.parameters ?? []);
  const [sweepParam, setSweepParam] = useState("steps");
  const chosenParam = sweepParams.find((d) => d.name === sweepParam) ?? sweepParams[0];

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <label htmlFor={`${id}-shared-seed`} className="text-sm font-medium">
          Seed
        </label>
        <div className="flex gap-2">
          <Input
            id={`${id}-shared-seed`}
            type="number"
            inputMode="numeric"
            min={0}
            max={MAX_SEED}
            value={value.seed}
            disabled={value.randomSeed}
            aria-describedby={`${id}-shared-seed-help`}
            onChange={(e) => {
              const seed = Math.trunc(Number(e.target.value));
              if (Number.isFinite(seed)) onChange({ seed: Math.min(MAX_SEED, Math.max(0, seed)) });
            }}
            className="tabular-nums"
          />
          <Button variant="outline" disabled={value.randomSeed} onClick={() => onChange({ seed: randomSeed() })}>
            <Shuffle aria-hidden />
            <span className="sr-only">Shuffle seed</span>
          </Button>
        </div>
        <p id={`${id}-shared-seed-help`} className="text-xs text-muted-foreground">
          The same seed in every pane keeps the comparison fair.
        </p>
        <div className="flex items-center gap-2">
          <input
            id={`${id}-shared-random-seed`}
            type="checkbox"
            checked={value.randomSeed}
            onChange={(e) => onChange({ randomSeed: e.target.checked })}
            className="size-4 accent-primary"
          />
          <label htmlFor={`${id}-shared-random-seed`} className="text-sm">
            Random seed each run
          </label>
        </div>
      </div>

      <div className="space-y-2">
        <label htmlFor={`${id}-shared-aspect-ratio`} className="text-sm font-medium">
          Aspect ratio
        </label>
        <Select id={`${id}-shared-aspect-ratio`} value={value.aspectRatio} onChange={(e) => onChange({ aspectRatio: e.target.value })}>
          {ratios.map((ratio) => (
            <option key={ratio} value={ratio}>
              {ratio === "match_input_image" ? "Match the input image" : ratio}
            </option>
          ))}
        </Select>
        <p className="text-xs text-muted-foreground">A pane whose model lacks it renders at its own default and says so.</p>
      </div>

      <div className="space-y-3">
        <div className="flex items-start gap-2">
          <input
            id={`${id}-shared-test-mode`}
            type="checkbox"
            checked={value.isTest}
            disabled={!isSignedIn}
            aria-describedby={`${id}-shared-test-mode-help`}
            onChange={(e) => onChange({ isTest: e.target.checked })}
            className="mt-0.5 size-4 accent-primary"
          />
          <div>
            <label htmlFor={`${id}-shared-test-mode`} className="text-sm font-medium">
              Test mode
            </label>
            <p id={`${id}-shared-test-mode-help`} className="text-xs text-muted-foreground">
              {isSignedIn ? "Free, on the simulator: placeholder images, no charge." : "Free, on the simulator. Live models need an account."}
            </p>
          </div>
        </div>
        <div className="flex items-start gap-2">
          <input
            id={`${id}-shared-blind`}
            type="checkbox"
            checked={value.blind}
            aria-describedby={`${id}-shared-blind-help`}
            onChange={(e) => onChange({ blind: e.target.checked })}
            className="mt-0.5 size-4 accent-primary"
          />
          <div>
            <label htmlFor={`${id}-shared-blind`} className="text-sm font-medium">
              Blind comparison
            </label>
            <p id={`${id}-shared-blind-help`} className="text-xs text-muted-foreground">
              Results show as Variant A, B, … until you pick a winner.
            </p>
          </div>
        </div>
      </div>

      <div className="space-y-3">
        <div className="flex items-center gap-2">
          <input
            id={`${id}-shared-sweep`}
            type="checkbox"
            checked={isSweep}
            disabled={sweepable.length === 0}
            onChange={(e) => setIsSweep(e.target.checked)}
            className="size-4 accent-primary"
          />
          <label htmlFor={`${id}-shared-sweep`} className="text-sm font-medium">
            Sweep
          </label>
        </div>
        {isSweep && (
          <div className="space-y-3 rounded-lg border p-3">
            <p className="text-xs text-muted-foreground">One model over {MAX_PANES} values of one parameter.</p>
            <div className="space-y-1.5">
              <label htmlFor={`${id}-sweep-variant`} className="text-sm font-medium">
                Sweep model
              </label>
              <Select id={`${id}-sweep-variant`} value={sweepVariant} onChange={(e) => setSweepVariant(e.target.value)}>
                {sweepable.map((v) => (
                  <option key={v.slug} value={v.slug}>
                    {v.displayName}
                  </option>
                ))}
              </Select>
            </div>
            <div className="space-y-1.5">
              <label htmlFor={`${id}-sweep-param`} className="text-sm font-medium">
                Sweep parameter
              </label>
              <Select id={`${id}-sweep-param`} value={chosenParam?.name ?? ""} onChange={(e) => setSweepParam(e.target.value)}>
                {sweepParams.map((d) => (
                  <option key={d.name} value={d.name}>
                    {d.label}
                  </option>
                ))}
              </Select>
            </div>
            <Button variant="outline" size="sm" disabled={!chosenParam} onClick={() => chosenParam && onSweep(sweepVariant, chosenParam.name)}>
              Fill the panes
            </Button>
          </div>
        )}
      </div>
    </div>
  );
}
