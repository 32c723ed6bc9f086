import type { ParamDescriptor } from "@/lib/catalog/params";
import { sharedFields } from "./contract";
import { isNumericParam, snapToParam } from "./presets";

// Browser-safe: sweep mode fills the panes with one variant over one numeric parameter.

type NumericParam = Extract<ParamDescriptor, { type: "integer" | "number" }>;

export type SweepPane = { params: Record<string, number>; label: string };

/** The parameters a sweep can vary: numeric, and not one the panes share (the seed stays fixed). */
export function sweepableParams(parameters: readonly ParamDescriptor[]): NumericParam[] {
  return parameters.filter(
    (d): d is NumericParam => isNumericParam(d) && !(sharedFields as readonly string[]).includes(d.name),
  );
}

const decimalsOf = (n: number) => (String(n).split(".")[1] ?? "").length;

/** Decimal rounding that does not print 4.300000000000001. */
function roundTo(value: number, decimals: number): number {
  return Number(value.toFixed(decimals));
}

/**
 * `count` values of `d` to compare: steps use the familiar 8 / 16 / 28 / 50 ladder (within range);
 * anything else is spread evenly from min to max, integers on their step grid, numbers rounded to
 * their step's decimals. Repeats (a narrow range) are dropped, so fewer values may come back.
 */
export function sweepValues(d: NumericParam, count: number): number[] {
  if (count < 1) return [];
  const decimals = d.type === "number" ? Math.max(1, decimalsOf(d.step ?? 0.1)) : 0;
  const ladder = d.name === "steps" && count === 4 ? [8, 16, 28, 50] : null;
  const raw =
    ladder ??
    Array.from({ length: count }, (_, i) => (count === 1 ? d.default ?? d.min : d.min + ((d.max - d.min) * i) / (count - 1)));
  const values = raw.map((v) => {
    const snapped = snapToParam(d, v);
    return d.type === "number" ? roundTo(snapped, decimals) : snapped;
  });
  return [...new Set(values)];
}

/** The panes of a sweep: one per value, labelled "steps 8", "guidance 4.3". */
export function sweepPanes(d: NumericParam, count: number): SweepPane[] {
  const name = d.label.toLowerCase();
  return sweepValues(d, count).map((value) => ({ params: { [d.name]: value }, label: `${name} ${value}` }));
}
