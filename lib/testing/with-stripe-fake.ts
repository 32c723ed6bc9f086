import { afterAll, beforeAll } from "vitest";
import { env } from "@/lib/env";
import { startRouteServer, type RouteServer } from "./route-server";
import { startStripeFake, type StripeFake } from "./stripe-fake";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

/**
 * For this test file: the Stripe fake, the app's webhook route behind a loopback server for the
 * fake to deliver to, and env pointed at both (each file runs in its own process).
 */
export function withStripeFake(webhookRoute: Handler): { readonly fake: StripeFake } {
  let fake: StripeFake | undefined;
  let app: RouteServer | undefined;
  beforeAll(async () => {
    app = await startRouteServer([{ path: "/api/stripe/webhook", handlers: { POST: webhookRoute } }]);
    fake = await startStripeFake({ webhookUrl: `${app.origin}/api/stripe/webhook` });
    env.STRIPE_SECRET_KEY = "sk_test_fake";
    env.STRIPE_WEBHOOK_SECRET = fake.webhookSecret;
    env.STRIPE_API_BASE = fake.url;
  });
  afterAll(async () => {
    await fake?.stop();
    await app?.stop();
  });
  return {
    get fake() {
      if (!fake) throw new Error("the Stripe fake starts in beforeAll");
      return fake;
    },
  };
}
