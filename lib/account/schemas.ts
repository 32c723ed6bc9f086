import { z } from "zod";
import { PASSWORD_MAX } from "@/lib/auth/password-rules";

/** The settings page's delete form: the account's email typed again, and the password when there is one. */
export const deleteAccountInput = z.object({
  confirmEmail: z.string().trim().toLowerCase().min(1, "Type your account's email to confirm").max(254, "That email address is too long"),
  password: z
    .string()
    .max(PASSWORD_MAX, "That password is too long")
    .optional()
    .transform((p) => p || undefined),
});

export type DeleteAccountInput = z.input<typeof deleteAccountInput>;
