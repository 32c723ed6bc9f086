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
  /** GitHub sign-in switches on when both are set. */
  GITHUB_ID: z.string().min(1).optional(),
  GITHUB_SECRET: z.string().min(1).optional(),
  /** Magic-link sign-in sends mail through this SMTP URL (in development, links go to the log). */
  EMAIL_SERVER: z.string().min(1).optional(),
  EMAIL_FROM: z.string().min(3).default("Lumigate <no-reply@localhost>"),
  /** Shared rate-limit counters across instances; unset: in memory (one instance). */
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
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
