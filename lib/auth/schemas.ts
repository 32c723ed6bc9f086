import { z } from "zod";
import { formatUsd, MICROS_PER_USD, parseUsdToMicros } from "@/lib/catalog/pricing";
import { PASSWORD_MAX, PASSWORD_MIN } from "./password-rules";

/** $1,000,000: far above any real cap or adjustment, low enough that micros stay exact in a double. */
const MAX_USD_MICROS = 1_000_000 * MICROS_PER_USD;

export const emailField = z
  .string({ error: "Enter your email address" })
  .trim()
  .toLowerCase()
  .min(1, "Enter your email address")
  .max(254, "That email address is too long")
  .pipe(z.email("Enter a valid email address, like you@example.com"));

export const passwordField = z
  .string({ error: "Choose a password" })
  .min(PASSWORD_MIN, `Use at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Use at most ${PASSWORD_MAX} characters`)
  .refine((password) => new Set(password).size > 1, "Use more than one distinct character");

const optionalName = z
  .string()
  .trim()
  .max(80, "Use at most 80 characters")
  .optional()
  .transform((name) => name || undefined);

export const signUpInput = z
  .object({ email: emailField, password: passwordField, name: optionalName })
  .refine((input) => input.password.trim().toLowerCase() !== input.email, {
    path: ["password"],
    message: "Your password can't be your email address",
  });

export type SignUpInput = z.input<typeof signUpInput>;

export const changePasswordInput = z
  .object({
    currentPassword: z.string().max(PASSWORD_MAX, "That password is too long").optional(),
    newPassword: passwordField,
  })
  .refine((input) => input.newPassword !== input.currentPassword, {
    path: ["newPassword"],
    message: "Choose a password other than your current one",
  });

export type ChangePasswordInput = z.input<typeof changePasswordInput>;

// Sign-in checks only the shape: the rules apply when a password is chosen, and the length cap
// keeps an attacker from making us hash megabytes.
export const signInInput = z.object({
  email: emailField,
  password: z.string().min(1, "Enter your password").max(PASSWORD_MAX, "That password is too long"),
});

const usdHint = "Enter an amount in dollars, like 5 or 12.50";

const dollarAmount = /^(\d+)(?:\.(\d+))?$|^\.(\d+)$/;
// Past 15 digits a double no longer holds the dollars exactly; any such amount is over every cap anyway.
const MAX_WHOLE_DIGITS = 15;

/**
 * A cap typed in dollars ("5", "$12.50", "1,000"): empty means no cap; otherwise micro-USD from one
 * cent to `maxMicros`. Each message names the rule that failed; the browser and the server action
 * run this same schema, so they say the same thing.
 */
export function usdCapField(maxMicros: number) {
  const tooLarge = `At most ${formatUsd(maxMicros, { digits: 2 })}`;
  return z.string({ error: "Enter a dollar amount such as 5 or 2.50" }).transform((raw, ctx) => {
    const text = raw.trim().replaceAll(",", "").replace(/^(-?)\s*\$\s*/, "$1");
    if (text === "") return null;
    const fail = (message: string) => {
      ctx.addIssue({ code: "custom", message });
      return z.NEVER;
    };
    if (text.startsWith("-") && dollarAmount.test(text.slice(1))) return fail("A cap cannot be negative");
    const match = dollarAmount.exec(text);
    if (!match) return fail("Enter a dollar amount such as 5 or 2.50");
    const whole = (match[1] ?? "0").replace(/^0+(?=\d)/, "");
    const fraction = match[2] ?? match[3] ?? "";
    if (fraction.length > 2) return fail("Use at most cents (2 decimals)");
    if (whole.length > MAX_WHOLE_DIGITS) return fail(tooLarge);
    const micros = Number(whole) * MICROS_PER_USD + Number(fraction.padEnd(2, "0")) * (MICROS_PER_USD / 100);
    if (micros > maxMicros) return fail(tooLarge);
    if (micros < MICROS_PER_USD / 100) return fail("Use at least $0.01, or leave it empty for no cap");
    return micros;
  });
}

const capField = usdCapField(MAX_USD_MICROS);

export const spendCapsInput = z
  .object({ dailyUsd: capField, monthlyUsd: capField })
  .refine((caps) => caps.dailyUsd === null || caps.monthlyUsd === null || caps.monthlyUsd >= caps.dailyUsd, {
    path: ["monthlyUsd"],
    message: "Make the monthly cap at least as large as the daily cap",
  })
  .transform((caps) => ({ dailyMicros: caps.dailyUsd, monthlyMicros: caps.monthlyUsd }));

export type SpendCapsInput = z.input<typeof spendCapsInput>;

/** A signed dollar amount ("-2.50", "+10", "5") as micro-USD; zero is refused. */
const signedUsdField = z
  .string({ error: usdHint })
  .trim()
  .max(21, usdHint)
  .transform((text, ctx) => {
    const sign = text.startsWith("-") ? -1 : 1;
    const micros = parseUsdToMicros(text.replace(/^[+-]/, "").replaceAll(",", ""));
    if (micros === null || micros > MAX_USD_MICROS) {
      ctx.addIssue({ code: "custom", message: "Enter a dollar amount, like 10 or -2.50" });
      return z.NEVER;
    }
    if (micros === 0) {
      ctx.addIssue({ code: "custom", message: "The amount can't be zero" });
      return z.NEVER;
    }
    return sign * micros;
  });

export const balanceAdjustmentInput = z.object({
  accountId: z.string().trim().min(1).max(64),
  amountUsd: signedUsdField,
  reason: z
    .string({ error: "Give a reason" })
    .trim()
    .min(3, "Give a reason of at least 3 characters")
    .max(200, "Use at most 200 characters"),
});

export type BalanceAdjustmentInput = z.input<typeof balanceAdjustmentInput>;

export const accountLookupInput = z.object({ email: emailField });
