import "server-only";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { getCurrentUser, type SessionUser } from "./session";

export type ActionResult<T> =
  | { ok: true; data: T }
  | { ok: false; error: string; fieldErrors?: Record<string, string[]> };

/** What a form posts: the schema's input as an object, or the FormData itself. */
export type ActionInput<S extends z.ZodType> = z.input<S> | FormData;

/** A field that appears more than once (checkboxes, multi-selects) becomes an array. */
function formDataToObject(form: FormData): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const name of new Set(form.keys())) {
    const values = form.getAll(name).filter((v): v is string => typeof v === "string");
    out[name] = values.length > 1 ? values : values[0];
  }
  return out;
}

function invalid(error: z.ZodError): ActionResult<never> {
  const { formErrors, fieldErrors } = z.flattenError(error);
  return {
    ok: false,
    error: formErrors[0] ?? "Check the highlighted fields and try again.",
    fieldErrors: fieldErrors as Record<string, string[]>,
  };
}

async function run<S extends z.ZodType, T>(
  schema: S,
  input: ActionInput<S>,
  fn: (data: z.output<S>) => Promise<T>,
): Promise<ActionResult<T>> {
  const parsed = schema.safeParse(input instanceof FormData ? formDataToObject(input) : input);
  if (!parsed.success) return invalid(parsed.error);
  try {
    return { ok: true, data: await fn(parsed.data) };
  } catch (error) {
    unstable_rethrow(error);
    if (error instanceof z.ZodError) return invalid(error);
    if (error instanceof AppError) {
      const { param } = error.options;
      return { ok: false, error: error.message, ...(param ? { fieldErrors: { [param]: [error.message] } } : {}) };
    }
    // Prisma's or a library's message stays in the server log.
    console.error("[action] unhandled error", error);
    return { ok: false, error: "Something went wrong on our side. Try again in a moment." };
  }
}

const signedOut: ActionResult<never> = { ok: false, error: "Your session has ended. Sign in again to continue." };

/**
 * A server action for a signed-in user: checks the session (against the database), validates the
 * input with `schema`, and returns a result instead of throwing. Domain errors (AppError) reach the
 * user with their message; anything else is logged and answered generically.
 */
export function action<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.output<S>, user: SessionUser) => Promise<T>,
): (input: ActionInput<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const user = await getCurrentUser();
    if (!user) return signedOut;
    return run(schema, input, (data) => fn(data, user));
  };
}

/** As `action`, for admins only; anyone else gets the answer a missing action would give. */
export function adminAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.output<S>, admin: SessionUser) => Promise<T>,
): (input: ActionInput<S>) => Promise<ActionResult<T>> {
  return async (input) => {
    const user = await getCurrentUser();
    if (!user) return signedOut;
    if (user.role !== "admin") return { ok: false, error: "Not found." };
    return run(schema, input, (data) => fn(data, user));
  };
}

/** As `action`, with no session: for sign-up. */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  fn: (input: z.output<S>) => Promise<T>,
): (input: ActionInput<S>) => Promise<ActionResult<T>> {
  return async (input) => run(schema, input, fn);
}
