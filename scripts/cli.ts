// npm run cli -- <command>: operator commands against the database the server uses (embedded or
// DATABASE_URL). One result per line on stdout; errors on stderr with a non-zero exit.
import { parseArgs } from "node:util";
import { z } from "zod";
import { findAccountByEmail } from "@/lib/auth/lookup";
import { setPasswordByEmail } from "@/lib/auth/password-change";
import { endSessionsByEmail } from "@/lib/auth/session-version";
import { approveSignupGrant, createUserWithAccount, setUserRole } from "@/lib/auth/sign-up";
import { getBalance, setAccountCaps } from "@/lib/billing";
import { parseUsdToMicros } from "@/lib/catalog/pricing";
import { runDatabaseCommand } from "@/lib/db/command";
import { applyMigrations } from "@/lib/db/schema-engine";
import { createKey, revokeKeyByStartOrId } from "@/lib/keys";
import { operatorCredit } from "@/lib/payments";

const usage = `Usage: npm run cli -- <command>
  users:create <email> <password>              create a user and account (with the sign-up credit); prints the account id
  users:admin <email>                          give a user the admin role
  users:password <email> <password>            set a new password; signs the user out everywhere
  users:sign-out <email>                       end every session of the user
  users:approve <email>                        give the sign-up credit (SIGNUP_GRANT_POLICY=approval)
  credits:grant <email> <usd> --reason <text>  add credit; prints the ledger entry and balance
  keys:create <email> [--test] [--name <n>]    issue an API key; prints it alone on the last line
  keys:revoke <key-start-or-id>                revoke a key
  caps:set <email> [--daily <usd>] [--monthly <usd>]   set spend caps ("none" clears one)`;

function usdArg(text: string, what: string): number {
  const micros = parseUsdToMicros(text);
  if (micros === null) throw new UsageError(`${what} must be an amount in USD, e.g. 5 or 0.25, not "${text}".`);
  return micros;
}
const capArg = (value: string) => (value === "none" ? null : usdArg(value, "A cap"));

class UsageError extends Error {}

function need(value: string | undefined, what: string): string {
  if (!value) throw new UsageError(`Missing ${what}.`);
  return value;
}

async function run(argv: string[]): Promise<string[]> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      reason: { type: "string" },
      test: { type: "boolean", default: false },
      name: { type: "string" },
      daily: { type: "string" },
      monthly: { type: "string" },
      help: { type: "boolean", short: "h", default: false },
    },
  });
  const [command, ...args] = positionals;
  switch (command) {
    case "users:create": {
      // An account the operator opens is no farm: its credit comes at once, whatever the policy.
      const { accountId } = await createUserWithAccount({ email: need(args[0], "email"), password: need(args[1], "password") }, "signup");
      return [accountId];
    }
    case "users:admin": {
      const email = need(args[0], "email");
      await setUserRole(email, "admin");
      return [`admin ${email.trim().toLowerCase()}`];
    }
    case "users:password": {
      const email = need(args[0], "email");
      await setPasswordByEmail(email, need(args[1], "password"));
      return [`password set for ${email.trim().toLowerCase()}; every session ended`];
    }
    case "users:sign-out": {
      const email = need(args[0], "email");
      if (!(await endSessionsByEmail(email))) throw new UsageError(`No user with the email ${email.trim().toLowerCase()}.`);
      return [`signed out ${email.trim().toLowerCase()} everywhere`];
    }
    case "users:approve": {
      const email = need(args[0], "email");
      const outcome = await approveSignupGrant(email);
      return [`${outcome.replace("_", " ")} ${email.trim().toLowerCase()}`];
    }
    case "credits:grant": {
      const { accountId } = await findAccountByEmail(need(args[0], "email"));
      const amount = usdArg(need(args[1], "amount in USD"), "The amount");
      const { entryId } = await operatorCredit("grant", { accountId, amountMicros: amount, memo: need(values.reason, "--reason") });
      const { availableMicros } = await getBalance(accountId);
      return [`${entryId} balance ${(availableMicros / 1_000_000).toFixed(2)} USD`];
    }
    case "keys:create": {
      const { accountId } = await findAccountByEmail(need(args[0], "email"));
      const { key, record } = await createKey({
        accountId,
        name: values.name ?? "CLI key",
        mode: values.test ? "test" : "live",
        scopes: ["generate", "read"],
      });
      return [record.id, key];
    }
    case "keys:revoke": {
      const revoked = await revokeKeyByStartOrId(need(args[0], "key start or id"));
      return [`revoked ${revoked.id}`];
    }
    case "caps:set": {
      const { accountId } = await findAccountByEmail(need(args[0], "email"));
      if (values.daily === undefined && values.monthly === undefined) throw new UsageError("Give --daily and/or --monthly.");
      const current = await getBalance(accountId);
      const caps = {
        dailyMicros: values.daily === undefined ? current.caps.dailyMicros : capArg(values.daily),
        monthlyMicros: values.monthly === undefined ? current.caps.monthlyMicros : capArg(values.monthly),
      };
      await setAccountCaps(accountId, caps);
      const show = (micros: number | null) => (micros === null ? "none" : (micros / 1_000_000).toFixed(2));
      return [`daily ${show(caps.dailyMicros)} monthly ${show(caps.monthlyMicros)}`];
    }
    default:
      throw new UsageError(command && !values.help ? `Unknown command: ${command}` : "");
  }
}

function describeError(error: unknown): string {
  if (error instanceof z.ZodError) return z.prettifyError(error);
  return error instanceof Error ? error.message : String(error);
}

await runDatabaseCommand(async (url) => {
  // Migrations first, so the CLI can set up a database before the server has ever started.
  await applyMigrations(url);
  try {
    for (const line of await run(process.argv.slice(2))) console.log(line);
    return 0;
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
      if ((error as Error).message) console.error((error as Error).message);
      console.error(usage);
      return 2;
    }
    console.error(`Error: ${describeError(error)}`);
    return 1;
  }
});
