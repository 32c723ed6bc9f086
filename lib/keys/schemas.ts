import { z } from "zod";
import { usdCapField } from "@/lib/auth/schemas";
import { KEY_NAME_MAX, MAX_DAILY_CAP_MICROS, MAX_RATE_PER_10S, MAX_ROLL_GRACE_DAYS } from "./limits";

export const keyScopes = ["generate", "read"] as const;
export type KeyScope = (typeof keyScopes)[number];
export const keyModes = ["live", "test"] as const;

export const keyName = z
  .string()
  .trim()
  .min(1, "Give the key a name")
  .max(KEY_NAME_MAX, `At most ${KEY_NAME_MAX} characters`);

export const createKeyInput = z.object({
  accountId: z.string().min(1),
  name: keyName,
  mode: z.enum(keyModes),
  scopes: z
    .array(z.enum(keyScopes))
    .min(1, "Choose at least one scope")
    .transform((scopes) => keyScopes.filter((s) => scopes.includes(s))),
  expiresAt: z
    .date()
    .refine((d) => d.getTime() > Date.now(), "The expiry must be in the future")
    .nullish(),
  ratePer10s: z
    .number()
    .int("A whole number of requests")
    .min(1, "At least 1 request per 10 s")
    .max(MAX_RATE_PER_10S, `At most ${MAX_RATE_PER_10S} requests per 10 s`)
    .nullish(),
  dailyCapMicros: z
    .number()
    .int("A whole number of micro-USD")
    .min(1, "A cap must be above zero")
    .max(MAX_DAILY_CAP_MICROS, `At most ${MAX_DAILY_CAP_MICROS} micro-USD`)
    .nullish(),
});

export type CreateKeyInput = z.input<typeof createKeyInput>;

export const rollGraceDays = z.number().int().min(0).max(MAX_ROLL_GRACE_DAYS);

// What the dashboard's forms send: strings from inputs, blank meaning "none".
const blankToNull = (value: unknown) => (value == null || (typeof value === "string" && value.trim() === "") ? null : value);

const wholeNumber = "Enter a whole number of requests, such as 20";

/** Requests per 10 s typed in a form: blank means the default. */
const rateField = z.string({ error: wholeNumber }).transform((raw, ctx) => {
  const text = raw.trim().replaceAll(",", "");
  if (text === "") return null;
  const fail = (message: string) => {
    ctx.addIssue({ code: "custom", message });
    return z.NEVER;
  };
  if (/^-\d+(\.\d*)?$/.test(text)) return fail("A rate limit cannot be negative");
  if (!/^\d+$/.test(text)) return fail(wholeNumber);
  const rate = Number(text);
  if (rate < 1) return fail("At least 1 request per 10 s");
  if (rate > MAX_RATE_PER_10S) return fail(`At most ${MAX_RATE_PER_10S.toLocaleString("en-US")} requests per 10 s`);
  return rate;
});

const scopesField = z.array(z.enum(keyScopes), "Choose at least one scope").min(1, "Choose at least one scope");

/** The end of the chosen day in the browser's time zone, as an ISO timestamp; blank for never. */
const expiresAtField = z.preprocess(
  blankToNull,
  z.iso
    .datetime({ offset: true, error: "Choose a date" })
    .transform((iso) => new Date(iso))
    .refine((date) => date.getTime() > Date.now(), "Choose a date in the future")
    .nullable(),
);

/** The key form's shared fields, browser-safe so the dialogs check them as people type. */
const keySettingsForm = z.object({
  name: keyName,
  scopes: scopesField,
  expiresAt: expiresAtField,
  ratePer10s: rateField,
  dailyCapUsd: usdCapField(MAX_DAILY_CAP_MICROS),
});

export const createKeyForm = keySettingsForm.extend({ mode: z.enum(keyModes, "Choose live or test") });

export const keyIdForm = z.object({ keyId: z.string().min(1).max(64) });

/** The edit dialog sends every setting, the expiry only when it changed; a blank clears a limit or the expiry. */
export const updateKeyForm = keySettingsForm.extend({ ...keyIdForm.shape, expiresAt: expiresAtField.optional() });

export const rollKeyForm = keyIdForm.extend({ graceDays: z.coerce.number().pipe(rollGraceDays) });

/**
 * A change to a key: each field left out stays as it is; null clears a limit or the expiry.
 * Mode cannot change: a test key never becomes one that spends money.
 */
export const updateKeyInput = z
  .object({
    name: keyName,
    scopes: createKeyInput.shape.scopes,
    expiresAt: createKeyInput.shape.expiresAt,
    ratePer10s: createKeyInput.shape.ratePer10s,
    dailyCapMicros: createKeyInput.shape.dailyCapMicros,
  })
  .partial();

export type UpdateKeyInput = z.input<typeof updateKeyInput>;
