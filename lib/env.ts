import "server-only";
import { z } from "zod";

// The one place that reads process.env. Everything optional has a working default so that
// `npm start` runs with no configuration at all.
const port = z.coerce.number().int().min(1).max(65535);

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** External PostgreSQL. Unset: the launcher starts an embedded one under DATA_DIR. */
  DATABASE_URL: z.url({ protocol: /^postgres(ql)?$/ }).optional(),
  PORT: port.default(3000),
  /** The address the web server binds to; 0.0.0.0 (or ::) serves other machines too. */
  HOST: z.string().min(1).default("127.0.0.1"),
  /**
   * Reverse proxies in front of the web server whose X-Forwarded-For entries are believed: 0 (the
   * default) takes the client's address from the socket, 1 from the entry the nearest proxy added.
   */
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  /** Where the launcher's upstream simulator listens, on 127.0.0.1. */
  SIMULATOR_PORT: port.default(4010),
  /** Where embedded Postgres, media and generated secrets live. */
  DATA_DIR: z.string().min(1).default(".data"),
  /** Fixed port for embedded Postgres; unset picks a free one at each start. */
  EMBEDDED_PG_PORT: port.optional(),
  /** Public base URL shown in code examples; defaults to http://localhost:PORT. */
  PUBLIC_URL: z.url().optional(),
  /** Signs session cookies. Unset: the launcher generates one and keeps it in DATA_DIR. */
  NEXTAUTH_SECRET: z.string().min(32).optional(),
  NEXTAUTH_URL: z.url().optional(),
  /** Credit granted to every new account, in USD; 0 disables it. */
  SIGNUP_GRANT_USD: z.coerce.number().min(0).max(10_000).default(10),
  /**
   * When the sign-up credit is given: "verified" (once the address is confirmed by mail; the default
   * when mail works), "signup" (at once; the default without mail, for a private instance) or
   * "approval" (when an operator approves: `npm run cli -- users:approve`).
   */
  SIGNUP_GRANT_POLICY: z.enum(["verified", "signup", "approval"]).optional(),
  /** Sign-ups one address may make per hour: each carries the free grant, so scripted sign-ups are capped. */
  SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).max(100_000).default(20),
  /** Sign-up credits given per hour across the whole instance, whatever the addresses. */
  SIGNUP_GRANTS_PER_HOUR: z.coerce.number().int().min(0).max(100_000).default(50),
  /** Playground runs a signed-out visitor may start per hour from one address (simulator only). */
  PLAYGROUND_GUEST_RUNS_PER_HOUR: z.coerce.number().int().min(0).max(100_000).default(30),
  /** GitHub sign-in switches on when both are set. */
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  /** Magic-link sign-in sends mail through this SMTP URL (in development, links go to the log). */
  EMAIL_SERVER: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default("Lumigate <no-reply@localhost>"),
  /** Shared rate-limit counters across instances; unset: in memory (one instance). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),

  /** Upstream credentials: a provider whose credential is unset is served by the built-in simulator. */
  BFL_API_KEY: z.string().min(1).optional(),
  BFL_BASE_URL: z.url().default("https://api.bfl.ai"),
  FAL_KEY: z.string().min(1).optional(),
  FAL_BASE_URL: z.url().default("https://queue.fal.run"),
  FAL_JWKS_URL: z.url().default("https://rest.alpha.fal.ai/.well-known/jwks.json"),
  REPLICATE_API_TOKEN: z.string().min(1).optional(),
  REPLICATE_BASE_URL: z.url().default("https://api.replicate.com/v1"),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().default("https://api.openai.com/v1"),
  /**
   * Bring your own key: encrypts the upstream credentials accounts store (AES-256-GCM), base64 of
   * 32 bytes. Unset: one is generated into DATA_DIR/byok.key on first use; set it when web and
   * worker do not share a DATA_DIR.
   */
  BYOK_ENCRYPTION_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/_-]{43}=?$/, "must be base64 of exactly 32 bytes (openssl rand -base64 32)")
    .optional(),
  /** The platform fee, in percent of a model's price, charged for a task that runs on the account's own key. */
  BYOK_FEE_PERCENT: z.coerce.number().min(0).max(100).default(0),
  /** The built-in simulator; the launcher sets it to the one it starts. */
  SIMULATOR_URL: z.url().optional(),
  /**
   * Where upstreams send their webhooks (this server's own base URL as they can reach it), or
   * "none" to rely on polling alone; unset: PUBLIC_URL for real upstreams when it is https, and this
   * machine's address for the simulator.
   */
  UPSTREAM_WEBHOOK_URL: z.union([z.url(), z.literal("none")]).optional(),
  /** A task an upstream still reports in flight after this long is cancelled, failed and not charged. */
  TASK_DEADLINE_SEC: z.coerce.number().int().min(30).max(86_400).default(900),
  /** How long the OpenAI-compatible images routes wait for their tasks before answering 504-style. */
  OPENAI_WAIT_SEC: z.coerce.number().int().min(1).max(600).default(120),
  /** Parallel jobs per worker process. */
  WORKER_CONCURRENCY: z.coerce.number().int().min(1).max(256).default(16),

  /** Media: local disk under DATA_DIR/media unless an S3 bucket is configured. */
  MEDIA_RETENTION_DAYS: z.coerce.number().int().min(1).max(3650).default(30),
  S3_BUCKET: z.string().min(1).optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_ENDPOINT: z.url().optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  S3_FORCE_PATH_STYLE: z.stringbool().default(false),

  /** Card top-ups through Stripe Checkout switch on when the secret key is set. */
  STRIPE_SECRET_KEY: z.string().regex(/^(sk|rk)_(test|live)_\w+$/, "must be a Stripe secret key (sk_test_... or sk_live_...)").optional(),
  /** Verifies POST /api/stripe/webhook (whsec_...): from the webhook endpoint in Stripe's dashboard or `stripe listen`. */
  STRIPE_WEBHOOK_SECRET: z.string().startsWith("whsec_").optional(),
  /** Where the Stripe client sends its requests instead of https://api.stripe.com: a local fake in tests. */
  STRIPE_API_BASE: z.url({ protocol: /^https?$/ }).optional(),
  /**
   * How tasks are priced: "tiers" (the catalog's list prices, lower by volume tiers of the month's
   * spend, lib/billing/tiers.ts) or "passthrough" (each task costs the upstream's price and
   * TOPUP_FEE_PERCENT is taken from every top-up instead).
   */
  PRICING_MODEL: z.enum(["tiers", "passthrough"]).default("tiers"),
  /** The platform fee of the passthrough pricing model, in percent: a payment buys paid / (1 + fee) in credits. */
  TOPUP_FEE_PERCENT: z.coerce.number().min(0).max(100).default(5),
  /** Bounds of one card top-up, in USD. */
  TOPUP_MIN_USD: z.coerce.number().int().min(1).max(10_000).default(5),
  TOPUP_MAX_USD: z.coerce.number().int().min(1).max(100_000).default(5000),

  /** Lets `Authorization: Bearer <token>` on /api/health see versions and latency; without it, only reachability. */
  HEALTH_TOKEN: z.string().min(16).optional(),
  /** Development only: let callbacks reach loopback addresses (never private or metadata ones). */
  CALLBACKS_ALLOW_LOOPBACK: z.stringbool().default(false),
}).refine((e) => !e.S3_BUCKET || (e.S3_ACCESS_KEY_ID && e.S3_SECRET_ACCESS_KEY), {
  message: "S3_BUCKET needs S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY",
  path: ["S3_BUCKET"],
}).refine((e) => e.TOPUP_MIN_USD <= e.TOPUP_MAX_USD, {
  message: "must not exceed TOPUP_MAX_USD",
  path: ["TOPUP_MIN_USD"],
});

export type Env = z.infer<typeof envSchema>;

function parseEnv(source: NodeJS.ProcessEnv): Env {
  const result = envSchema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid environment:\n${lines.join("\n")}`);
  }
  return result.data;
}

export const env = parseEnv(process.env);

export const publicUrl = env.PUBLIC_URL ?? `http://localhost:${env.PORT}`;

export const signupGrantMicros = Math.round(env.SIGNUP_GRANT_USD * 1_000_000);

/**
 * The environment a child process should get: this process's own plus overrides. Lives here so
 * that process.env is read in one module only.
 */
export function childEnv(overrides: Record<string, string | undefined>): NodeJS.ProcessEnv {
  return { ...process.env, ...overrides };
}
