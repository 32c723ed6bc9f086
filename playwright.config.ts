import { defineConfig, devices } from "@playwright/test";

// The system Chromium: browsers are never downloaded (the machines are offline).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://localhost:${port}`;
/** Per port, so concurrent runs on different ports keep to their own database. */
export const e2eDataDir = `.data/e2e-${port}`;
/** The local Stripe fake (lib/testing/stripe-fake.ts): card top-ups go through its Checkout page. */
const stripeFakePort = port + 2000;
const stripeWebhookSecret = "whsec_e2e_local_stripe_fake";
const stripeEnv = `STRIPE_SECRET_KEY=sk_test_fake STRIPE_WEBHOOK_SECRET=${stripeWebhookSecret} STRIPE_API_BASE=http://127.0.0.1:${stripeFakePort}`;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: 2,
  retries: 0,
  forbidOnly: true,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
    trace: "retain-on-failure",
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-quic",
      ],
    },
  },
  projects: [
    { name: "desktop", use: { ...devices["Desktop Chrome"], channel: undefined } },
  ],
  // The real launcher on its own data directory (fresh each run), so e2e covers `npm start` itself.
  webServer: [
    {
      command: `node --import tsx scripts/stripe-fake.ts --port ${stripeFakePort} --webhook-url http://127.0.0.1:${port}/api/stripe/webhook --webhook-secret ${stripeWebhookSecret}`,
      port: stripeFakePort,
      timeout: 60_000,
      reuseExistingServer: false,
      gracefulShutdown: { signal: "SIGTERM", timeout: 5_000 },
    },
    {
      command: `rm -rf ${e2eDataDir} && DATA_DIR=${e2eDataDir} PORT=${port} SIMULATOR_PORT=${port + 1000} SIMULATOR_SPEED=10 CALLBACKS_ALLOW_LOOPBACK=true SIGNUPS_PER_ADDRESS_PER_HOUR=500 ${stripeEnv} npm start`,
      url: `${baseURL}/api/health`,
      timeout: 300_000,
      reuseExistingServer: false,
      stdout: "pipe",
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
    },
  ],
});
