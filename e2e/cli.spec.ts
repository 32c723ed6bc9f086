import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { expect, test } from "@playwright/test";
import { e2eDataDir } from "../playwright.config";

const exec = promisify(execFile);

/** The operator CLI, run beside the e2e server so it finds that server's database. */
async function cli(...args: string[]): Promise<{ code: number; lines: string[]; stderr: string }> {
  try {
    const { stdout, stderr } = await exec("npm", ["run", "--silent", "cli", "--", ...args], {
      env: { ...process.env, DATA_DIR: e2eDataDir },
    });
    return { code: 0, lines: stdout.trim().split("\n"), stderr };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, lines: failed.stdout.trim().split("\n"), stderr: failed.stderr };
  }
}

test("operator CLI: create a user and a key that works at once, grant, cap, revoke", async ({ request }) => {
  test.setTimeout(90_000);
  const email = `cli-${Date.now()}@example.com`;

  const created = await cli("users:create", email, "correct horse battery");
  expect(created.code).toBe(0);
  expect(created.lines).toEqual([expect.stringMatching(/^acct_[0-9a-z]+$/)]);

  const issued = await cli("keys:create", email, "--name", "ci");
  expect(issued.code).toBe(0);
  const key = issued.lines.at(-1)!;
  expect(key).toMatch(/^lg_live_[0-9A-Za-z]{38}$/);
  const auth = { Authorization: `Bearer ${key}` };

  const first = await request.get("/api/v1/account/balance", { headers: auth });
  expect(first.status()).toBe(200);
  expect((await first.json()).available_micros).toBe(10_000_000);

  const granted = await cli("credits:grant", email, "5", "--reason", "support ticket 42");
  expect(granted.lines).toEqual([expect.stringMatching(/^txn_[0-9a-z]+ balance 15\.00 USD$/)]);

  expect((await cli("caps:set", email, "--daily", "2")).lines).toEqual(["daily 2.00 monthly none"]);
  const capped = await (await request.get("/v1/account/balance", { headers: { "x-api-key": key } })).json();
  expect(capped).toMatchObject({ available_micros: 15_000_000, caps: { daily_micros: 2_000_000, monthly_micros: null } });

  expect((await cli("users:admin", email)).lines).toEqual([`admin ${email}`]);

  const revoked = await cli("keys:revoke", key.slice(0, 12));
  expect(revoked.lines).toEqual([expect.stringMatching(/^revoked key_[0-9a-z]+$/)]);
  await expect
    .poll(async () => (await request.get("/api/v1/account/balance", { headers: auth })).status(), { timeout: 10_000, intervals: [500] })
    .toBe(401);
});

test("operator CLI: errors are one clear line and a non-zero exit", async () => {
  const unknownUser = await cli("keys:create", "nobody@example.com");
  expect(unknownUser.code).toBe(1);
  expect(unknownUser.stderr).toContain("No user with the email nobody@example.com");

  const badCommand = await cli("users:delete", "x");
  expect(badCommand.code).toBe(2);
  expect(badCommand.stderr).toContain("Unknown command: users:delete");

  const badAmount = await cli("credits:grant", "nobody@example.com", "lots", "--reason", "x");
  expect(badAmount.code).not.toBe(0);
});
