import { z } from "zod";
import { parseUsdToMicros } from "@/lib/catalog/pricing";
import { MAX_DAILY_CAP_MICROS, MAX_RATE_PER_10S, MAX_ROLL_GRACE_DAYS } from "./limits";

export const keyScopes = ["generate", "read"] as const;
export type KeyScope = (typeof keyScopes)[number];
export const keyModes = ["live", "test"] as const;

export const keyName = z.string().trim().min(1, "Give the key a name").max(64, "At most 64 characters");

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
  ratePer10s: z.number().int().min(1).max(MAX_RATE_PER_10S).nullish(),
  dailyCapMicros: z.number().int().min(1).max(MAX_DAILY_CAP_MICROS).nullish(),
});

export type CreateKeyInput = z.input<typeof createKeyInput>;

export const rollGraceDays = z.number().int().min(0).max(MAX_ROLL_GRACE_DAYS);

// What the dashboard's forms send: strings from inputs, blank meaning "none".
const blankToNull = (value: unknown) => (value == null || (typeof value === "string" && value.trim() === "") ? null : value);

const wholeNumber = "Enter a whole number";

export const createKeyForm = z.object({
  name: keyName,
  mode: z.enum(keyModes, "Choose live or test"),
  scopes: z.array(z.enum(keyScopes)).min(1, "Choose at least one scope"),
  /** The end of the chosen day in the browser's time zone, as an ISO timestamp. */
  expiresAt: z.preprocess(
    blankToNull,
    z.iso
      .datetime({ offset: true, error: "Choose a date" })
      .transform((iso) => new Date(iso))
      .refine((date) => date.getTime() > Date.now(), "Choose a date in the future")
      .nullable(),
  ),
  ratePer10s: z.preprocess(
    blankToNull,
    z.coerce
      .number(wholeNumber)
      .int(wholeNumber)
      .min(1, "At least 1 request")
      .max(MAX_RATE_PER_10S, `At most ${MAX_RATE_PER_10S} requests`)
      .nullable(),
  ),
  dailyCapUsd: z.preprocess(
    blankToNull,
    z
      .string()
      .transform((text, ctx) => {
        const micros = parseUsdToMicros(text);
        if (micros === null || micros < 1 || micros > MAX_DAILY_CAP_MICROS) {
          ctx.addIssue({ code: "custom", message: "Enter a dollar amount such as 5 or 2.50" });
          return z.NEVER;
        }
        return micros;
      })
      .nullable(),
  ),
});

export const keyIdForm = z.object({ keyId: z.string().min(1).max(64) });

export const rollKeyForm = keyIdForm.extend({ graceDays: z.coerce.number().pipe(rollGraceDays) });
