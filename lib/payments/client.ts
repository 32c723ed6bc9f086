import "server-only";
import Stripe from "stripe";
import { env } from "@/lib/env";
import { AppError } from "@/lib/errors";

/** Card top-ups work only with a secret key; without one the billing page says how to set them up. */
export function isStripeConfigured(): boolean {
  return Boolean(env.STRIPE_SECRET_KEY);
}

let cached: { config: string; client: Stripe } | undefined;

/** The one Stripe client: at api.stripe.com, or at STRIPE_API_BASE (the local fake in tests). */
export function stripeClient(): Stripe {
  const key = env.STRIPE_SECRET_KEY;
  if (!key) {
    throw new AppError("feature_disabled", "Card top-ups are not set up on this gateway (STRIPE_SECRET_KEY is unset).");
  }
  const config = `${key} ${env.STRIPE_API_BASE ?? ""}`;
  if (cached?.config !== config) {
    const base = env.STRIPE_API_BASE ? new URL(env.STRIPE_API_BASE) : null;
    const protocol = base?.protocol === "http:" ? "http" : "https";
    cached = {
      config,
      client: new Stripe(key, {
        maxNetworkRetries: 2,
        timeout: 20_000,
        telemetry: false,
        ...(base ? { host: base.hostname, port: base.port || (protocol === "http" ? 80 : 443), protocol } : {}),
      }),
    };
  }
  return cached.client;
}
