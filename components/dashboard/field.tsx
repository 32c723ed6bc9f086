import type { ComponentProps, FocusEvent, ReactNode } from "react";
import type { ZodType } from "zod";
import { Input } from "@/components/ui/input";
import { Label } from "@/components/ui/label";
import { cn } from "@/lib/utils/cn";

type FieldProps = ComponentProps<"input"> & {
  id: string;
  label: ReactNode;
  hint?: ReactNode;
  errors?: string[];
  /** Shown inside the field before the value, such as "$". */
  prefix?: string;
};

/** A labelled input whose hint and errors are announced with it (aria-describedby). */
export function Field({ id, label, hint, errors, prefix, className, ...props }: FieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = errors?.length ? `${id}-error` : undefined;
  return (
    <div className={cn("grid content-start gap-1.5", className)}>
      <Label htmlFor={id}>{label}</Label>
      <div className="relative">
        {prefix && (
          <span
            aria-hidden
            className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-sm text-muted-foreground"
          >
            {prefix}
          </span>
        )}
        <Input
          id={id}
          aria-invalid={errorId ? true : undefined}
          aria-describedby={[errorId, hintId].filter(Boolean).join(" ") || undefined}
          className={cn(prefix && "pl-7", errorId && "border-danger")}
          {...props}
        />
      </div>
      {errorId && (
        <p id={errorId} className="text-sm text-danger">
          {errors!.join(" ")}
        </p>
      )}
      {hint && (
        <p id={hintId} className="text-xs text-muted-foreground">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A form-level message: errors interrupt (alert), confirmations wait their turn (status). */
export function FormMessage({ tone, children }: { tone: "error" | "success"; children: ReactNode }) {
  return (
    <p
      role={tone === "error" ? "alert" : "status"}
      className={cn(
        "rounded-md border px-3 py-2 text-sm",
        tone === "error" ? "border-danger/30 bg-danger/10 text-danger" : "border-success/30 bg-success/10 text-success",
      )}
    >
      {children}
    </p>
  );
}

export type FieldErrors = Record<string, string[] | undefined>;

/**
 * A form's messages per field from the schema its server action parses with, keyed as the
 * action's fieldErrors are: the browser says what the server would, before the round trip.
 */
export function schemaFieldErrors(schema: ZodType, input: unknown): FieldErrors {
  const result = schema.safeParse(input);
  if (result.success) return {};
  const errors: Record<string, string[]> = {};
  for (const issue of result.error.issues) (errors[String(issue.path[0] ?? "")] ??= []).push(issue.message);
  return errors;
}

/**
 * The field a form's blur should check now, or null. Tabbing through empty fields says nothing; a
 * field that holds something, or already shows a message, is checked when it is left. Not when the
 * focus goes to the form's submit button: a message appearing or going there would move the button
 * between the press and the release, so the click would miss it, and the submit checks every field anyway.
 */
export function fieldToCheckOnBlur(event: FocusEvent<HTMLFormElement>, showsMessage: (name: string) => boolean): HTMLInputElement | null {
  const field = event.target;
  if (!(field instanceof HTMLInputElement) || !field.name) return null;
  const next = event.relatedTarget;
  if (next instanceof HTMLButtonElement && next.type === "submit" && event.currentTarget.contains(next)) return null;
  if (field.type !== "checkbox" && field.value.trim() === "" && !showsMessage(field.name)) return null;
  return field;
}
