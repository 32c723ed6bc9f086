import "server-only";
import nodemailer, { type Transporter } from "nodemailer";
import { env } from "@/lib/env";

export type Mail = { to: string; subject: string; text: string };
export type SendMail = (mail: Mail) => Promise<void>;

/**
 * Whether this instance can reach people by mail: SMTP configured (EMAIL_SERVER), or `npm run dev`,
 * where mail is printed to the server log instead. Features that need mail say so when it is off.
 */
export const mailAvailable = Boolean(env.EMAIL_SERVER) || env.NODE_ENV === "development";

const globalForMail = globalThis as unknown as { lumigateMailer?: Transporter };

export const sendMail: SendMail = async ({ to, subject, text }) => {
  if (!env.EMAIL_SERVER) {
    if (env.NODE_ENV !== "development") throw new Error("No EMAIL_SERVER is configured: this instance cannot send mail.");
    console.log(`[mail] To: ${to}\n[mail] Subject: ${subject}\n${text.replace(/^/gm, "[mail] ")}`);
    return;
  }
  const transport = (globalForMail.lumigateMailer ??= nodemailer.createTransport(env.EMAIL_SERVER));
  await transport.sendMail({ from: env.EMAIL_FROM, to, subject, text });
};
