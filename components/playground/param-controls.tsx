"use client";

import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import type { ParamDescriptor } from "@/lib/catalog/params";
import { sharedFields } from "@/lib/playground/contract";

const isShared = (name: string) => (sharedFields as readonly string[]).includes(name);

/** The descriptors a pane shows controls for: the shared fields are set once for all panes. */
export function paneParams(parameters: readonly ParamDescriptor[]): ParamDescriptor[] {
  return parameters.filter((d) => !isShared(d.name) && d.type !== "image_urls");
}

type ControlProps = {
  descriptor: ParamDescriptor;
  id: string;
  value: unknown;
  error?: string;
  onChange: (value: unknown) => void;
};

function Control({ descriptor: d, id, value, error, onChange }: ControlProps) {
  const describedBy = `${id}-help${error ? ` ${id}-error` : ""}`;
  const invalid = error ? true : undefined;
  switch (d.type) {
    case "integer":
    case "number": {
      const current = typeof value === "number" ? value : d.default;
      const step = d.step ?? (d.type === "integer" ? 1 : 0.1);
      return (
        <div className="flex items-center gap-3">
          {/* The number field is the labelled, keyboard-reachable control; the slider is a pointer shortcut. */}
          <input
            type="range"
            tabIndex={-1}
            aria-hidden
            min={d.min}
            max={d.max}
            step={step}
            value={current ?? d.min}
            onChange={(e) => onChange(Number(e.target.value))}
            className="h-2 min-w-0 flex-1 accent-primary"
          />
          <Input
            id={id}
            type="number"
            inputMode={d.type === "integer" ? "numeric" : "decimal"}
            min={d.min}
            max={d.max}
            step={step}
            value={typeof value === "number" ? value : ""}
            placeholder={d.default !== undefined ? String(d.default) : undefined}
            aria-describedby={describedBy}
            aria-invalid={invalid}
            onChange={(e) => onChange(e.target.value === "" ? undefined : Number(e.target.value))}
            className="w-24 tabular-nums"
          />
        </div>
      );
    }
    case "boolean":
      return (
        <input
          id={id}
          type="checkbox"
          checked={typeof value === "boolean" ? value : d.default}
          aria-describedby={describedBy}
          onChange={(e) => onChange(e.target.checked)}
          className="size-5 accent-primary"
        />
      );
    case "enum":
      return (
        <Select
          id={id}
          value={typeof value === "string" ? value : (d.default ?? "")}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
        >
          {d.default === undefined && <option value="">Model default</option>}
          {d.options.map((option) => (
            <option key={option} value={option}>
              {option}
            </option>
          ))}
        </Select>
      );
    case "string":
      return (
        <Input
          id={id}
          value={typeof value === "string" ? value : ""}
          maxLength={d.maxLength}
          aria-describedby={describedBy}
          aria-invalid={invalid}
          onChange={(e) => onChange(e.target.value === "" ? undefined : e.target.value)}
        />
      );
    case "image_urls":
      return null;
  }
}

function range(d: ParamDescriptor): string | null {
  if (d.type !== "integer" && d.type !== "number") return null;
  return `${d.min} to ${d.max}${d.default !== undefined ? `, default ${d.default}` : ""}`;
}

/** One labelled control per descriptor, generated from the variant's parameter schema. */
export function ParamControls({
  descriptors,
  idPrefix,
  values,
  errors,
  onChange,
}: {
  descriptors: readonly ParamDescriptor[];
  idPrefix: string;
  values: Record<string, unknown>;
  errors: Record<string, string>;
  onChange: (name: string, value: unknown) => void;
}) {
  return (
    <div className="space-y-4">
      {descriptors.map((d) => {
        const id = `${idPrefix}-${d.name}`;
        const error = errors[d.name];
        const inline = d.type === "boolean";
        return (
          <div key={d.name} className="space-y-1.5">
            <div className={inline ? "flex items-center gap-2" : "space-y-1.5"}>
              {inline && <Control descriptor={d} id={id} value={values[d.name]} error={error} onChange={(v) => onChange(d.name, v)} />}
              <label htmlFor={id} className="text-sm font-medium">
                {d.label}
              </label>
              {!inline && <Control descriptor={d} id={id} value={values[d.name]} error={error} onChange={(v) => onChange(d.name, v)} />}
            </div>
            <p id={`${id}-help`} className="text-xs text-muted-foreground">
              {d.description}
              {range(d) && ` (${range(d)})`}
            </p>
            {error && (
              <p id={`${id}-error`} className="text-xs font-medium text-danger">
                {error}
              </p>
            )}
          </div>
        );
      })}
    </div>
  );
}
