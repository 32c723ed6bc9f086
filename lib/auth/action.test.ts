import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { action, adminAction, publicAction } from "./action";
import type { SessionUser } from "./session-user";

const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("./session", () => ({ getCurrentUser: async () => session.user }));

const alice: SessionUser = { id: "usr_a", email: "a@example.com", name: null, role: "user", accountId: "acct_a" };
const schema = z.object({ name: z.string().min(2, "Too short"), tags: z.array(z.string()).optional() });

beforeEach(() => {
  session.user = alice;
});

describe("action", () => {
  it("passes the validated input and the session's user", async () => {
    const run = action(schema, async (input, user) => ({ input, accountId: user.accountId }));
    expect(await run({ name: "keys" })).toEqual({ ok: true, data: { input: { name: "keys" }, accountId: "acct_a" } });
  });

  it("reads FormData, with repeated fields as arrays", async () => {
    const run = action(schema, async (input) => input);
    const form = new FormData();
    form.append("name", "keys");
    form.append("tags", "generate");
    form.append("tags", "read");
    expect(await run(form)).toEqual({ ok: true, data: { name: "keys", tags: ["generate", "read"] } });
  });

  it("answers a signed-out caller without running", async () => {
    session.user = null;
    const fn = vi.fn();
    expect(await action(schema, fn)({ name: "keys" })).toEqual({
      ok: false,
      error: "Your session has ended. Sign in again to continue.",
    });
    expect(fn).not.toHaveBeenCalled();
  });

  it("returns field errors for invalid input", async () => {
    const fn = vi.fn();
    expect(await action(schema, fn)({ name: "k" })).toEqual({
      ok: false,
      error: "Check the highlighted fields and try again.",
      fieldErrors: { name: ["Too short"] },
    });
    expect(fn).not.toHaveBeenCalled();
  });

  it("passes a domain error's message, with its field", async () => {
    const run = action(schema, async () => {
      throw new AppError("validation_error", "An account with this email already exists", { param: "email" });
    });
    expect(await run({ name: "keys" })).toEqual({
      ok: false,
      error: "An account with this email already exists",
      fieldErrors: { email: ["An account with this email already exists"] },
    });
  });

  it("hides any other error's message", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    const run = action(schema, async () => {
      throw new Error('relation "Wallet" does not exist at postgres://admin:secret@db');
    });
    const result = await run({ name: "keys" });
    expect(result).toEqual({ ok: false, error: "Something went wrong on our side. Try again in a moment." });
    expect(JSON.stringify(result)).not.toContain("secret");
    expect(log).toHaveBeenCalledOnce();
    log.mockRestore();
  });
});

describe("adminAction", () => {
  it("refuses a non-admin as if it did not exist, and runs for an admin", async () => {
    const fn = vi.fn(async () => "done");
    expect(await adminAction(schema, fn)({ name: "keys" })).toEqual({ ok: false, error: "Not found." });
    expect(fn).not.toHaveBeenCalled();
    session.user = { ...alice, role: "admin" };
    expect(await adminAction(schema, fn)({ name: "keys" })).toEqual({ ok: true, data: "done" });
  });
});

describe("publicAction", () => {
  it("runs without a session", async () => {
    session.user = null;
    expect(await publicAction(schema, async (input) => input.name)({ name: "keys" })).toEqual({ ok: true, data: "keys" });
  });
});
