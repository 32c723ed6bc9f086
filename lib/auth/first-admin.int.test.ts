import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { withScratchDatabase } from "@/lib/testing/scratch-db";
import { claimAdmin, issueSetupToken } from "./first-admin";
import { createUserWithAccount } from "./sign-up";

withScratchDatabase("first_admin");

const roleOf = async (userId: string) => (await db.user.findUniqueOrThrow({ where: { id: userId } })).role;

describe("the first admin", () => {
  it("comes from the setup link: once, only the newest link, and none once an admin exists", async () => {
    const first = await createUserWithAccount({ email: "first@example.com", password: "correct horse battery" });
    const second = await createUserWithAccount({ email: "second@example.com", password: "correct horse battery" });
    expect(await roleOf(first.userId)).toBe("user");

    const stale = await issueSetupToken();
    const token = await issueSetupToken();
    expect(stale).not.toBeNull();
    await expect(claimAdmin(second.userId, stale!)).rejects.toThrow(/not valid/);
    await expect(claimAdmin(second.userId, "made-up-token")).rejects.toThrow(/not valid/);

    await claimAdmin(second.userId, token!);
    expect(await roleOf(second.userId)).toBe("admin");
    await expect(claimAdmin(first.userId, token!)).rejects.toThrow(/has an admin already/);
    expect(await roleOf(first.userId)).toBe("user");
    expect(await issueSetupToken()).toBeNull();
  });
});
