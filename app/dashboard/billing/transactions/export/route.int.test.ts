import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth";
import { grantCredits } from "@/lib/billing";
import { newAccount, USD } from "@/lib/testing/fixtures";

// The session comes from next-auth's cookie, which needs a Next request; the rest of lib/auth is real.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

const { GET } = await import("./route");

const url = "http://localhost/dashboard/billing/transactions/export";

function userOf(accountId: string): SessionUser {
  return { id: "usr_test", email: "a@example.com", name: null, role: "user", accountId };
}

describe("GET /dashboard/billing/transactions/export", () => {
  beforeEach(() => {
    session.user = null;
  });

  it("401 without a session, with nothing of any account in the body", async () => {
    const res = await GET(new Request(url));
    expect(res.status).toBe(401);
    expect(res.headers.get("content-type")).toBe("text/plain; charset=utf-8");
    expect(await res.text()).toBe("Your session has ended. Sign in again to export your transactions.\n");
  });

  it("200: the session's account as a CSV download, filtered by the URL, bad parameters dropped", async () => {
    const accountId = await newAccount(2 * USD);
    await grantCredits({ accountId, amountMicros: USD, memo: "Extra" });
    const other = await newAccount(5 * USD);
    await grantCredits({ accountId: other, amountMicros: USD, memo: "Not yours" });
    session.user = userOf(accountId);

    const res = await GET(new Request(`${url}?kind=grant&from=not-a-day&cursor=%27`));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(res.headers.get("content-disposition")).toMatch(/^attachment; filename="lumigate-transactions-\d{4}-\d{2}-\d{2}\.csv"$/);
    expect(res.headers.get("cache-control")).toBe("no-store");
    const lines = (await res.text()).split("\r\n");
    expect(lines[0]).toMatch(/^date,id,kind,/);
    expect(lines.slice(1, -1).map((l) => l.split(",").at(-1))).toEqual(["Extra", "Sign-up credit"]);
    expect(lines.at(-1)).toBe("");

    const none = await GET(new Request(`${url}?kind=refund`));
    expect((await none.text()).split("\r\n")).toHaveLength(2);
  });
});
