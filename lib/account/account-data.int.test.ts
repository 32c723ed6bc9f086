import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as createTaskRoute } from "@/app/api/v1/jobs/createTask/route";
import { authenticateWithPassword } from "@/lib/auth/credentials";
import { createUserWithAccount } from "@/lib/auth/sign-up";
import { findDrift } from "@/lib/billing";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { newId } from "@/lib/ids";
import { diskStorage, newMediaId, storageKeyFor, thumbnailKeyFor, type MediaStorage } from "@/lib/media";
import { findHoldDrift } from "@/lib/tasks/reconcile";
import { finishTask } from "@/lib/tasks/transitions";
import { newSigningSecret } from "@/lib/webhooks";
import { call, jsonRequest, newKey } from "@/lib/testing/fixtures";
import { withScratchDatabase } from "@/lib/testing/scratch-db";
import { deleteAccount } from "./delete";
import { accountExportStream } from "./export";

// No worker: tasks stay waiting until the test finishes them, so "in flight" is exact.
withScratchDatabase("account-data");

const password = "correct horse battery";
const prompt = "a lighthouse painted in gouache";
let mediaRoot: string;
let storage: MediaStorage;

beforeAll(async () => {
  mediaRoot = await mkdtemp(path.join(tmpdir(), "lumigate-account-"));
  storage = diskStorage(mediaRoot);
});
afterAll(() => rm(mediaRoot, { recursive: true, force: true }));

const createTask = (key: string) =>
  call(createTaskRoute, jsonRequest("http://localhost/api/v1/jobs/createTask", key, { model: "flux-2-pro", input: { prompt } }));

/** A signed-up user with a key, secrets, a saved card, a BYOK credential, sign-in links and one finished task with an image. */
async function populatedUser() {
  const email = `owner-${randomUUID()}@example.com`;
  const { userId, accountId } = await createUserWithAccount({ email, password, name: "Ada Owner" }, "signup");
  const { key, keyId } = await newKey(accountId);
  await db.account.update({
    where: { id: accountId },
    data: {
      webhookSecret: newSigningSecret(),
      stripeCustomerId: `cus_${randomUUID().slice(0, 8)}`,
      stripePaymentMethodId: "pm_secret_card",
      cardBrand: "visa",
      cardLast4: "4242",
      autoRechargeEnabled: true,
      autoRechargeThresholdMicros: 1_000_000n,
      autoRechargeAmountMicros: 10_000_000n,
    },
  });
  await db.providerCredential.create({
    data: {
      id: newId("cred"),
      accountId,
      providerSlug: "openai",
      ciphertext: Buffer.from("sealed-bytes-of-the-credential"),
      iv: Buffer.alloc(12, 1),
      authTag: Buffer.alloc(16, 2),
      keyId: "kid-test",
      hint: "9xQz",
    },
  });
  await db.oAuthAccount.create({ data: { id: newId("oauth"), userId, type: "oauth", provider: "github", providerAccountId: randomUUID() } });
  await db.session.create({ data: { id: newId("sess"), sessionToken: randomUUID(), userId, expires: new Date(Date.now() + 86_400_000) } });
  await db.emailToken.create({ data: { tokenHash: randomUUID(), userId, purpose: "reset_password", expiresAt: new Date(Date.now() + 3_600_000) } });
  await db.verificationToken.create({ data: { identifier: email, token: randomUUID(), expires: new Date(Date.now() + 3_600_000) } });

  const created = await createTask(key);
  expect(created.status).toBe(200);
  const taskId: string = created.body.data.taskId;
  const mediaId = newMediaId();
  const files = { storageKey: storageKeyFor(mediaId, "png"), thumbKey: thumbnailKeyFor(mediaId) };
  await storage.put(files.storageKey, new Uint8Array([137, 80, 78, 71]), "image/png");
  await storage.put(files.thumbKey, new Uint8Array([82, 73, 70, 70]), "image/webp");
  expect(
    await finishTask(taskId, {
      kind: "success",
      media: [{ id: mediaId, position: 0, ...files, contentType: "image/png", width: 1024, height: 768, bytes: 4, expiresAt: new Date(Date.now() + 86_400_000) }],
    }),
  ).toBe(true);

  const runId = newId("run");
  await db.playgroundRun.create({
    data: {
      id: runId,
      accountId,
      userId,
      prompt: "two kites over a beach",
      settings: {},
      mode: "live",
      panes: { create: { id: newId("pane"), position: 0, blindSlot: 0, variantSlug: "flux-2-pro-text-to-image-1k", params: {}, taskId } },
    },
  });
  return { email, userId, accountId, key, keyId, taskId, mediaId, files, user: { id: userId, accountId } };
}

type Row = Record<string, unknown>;
type Exported = {
  format: string;
  user: Row;
  account: Row;
  members: Row[];
  apiKeys: (Row & { start: string })[];
  providerCredentials: Row[];
  ledger: { kind: string }[];
  tasks: { id: string }[];
  playgroundRuns: Row[];
};

async function readExport(stream: ReadableStream<Uint8Array>): Promise<{ text: string; json: Exported }> {
  const text = await new Response(stream).text();
  return { text, json: JSON.parse(text) as Exported };
}

async function refusal(promise: Promise<unknown>): Promise<AppError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

describe("accountExportStream", () => {
  it("holds the user, the account and everything it did, and no secret", async () => {
    const u = await populatedUser();
    const { text, json } = await readExport(accountExportStream(u.user, "http://gw.test"));

    expect(json.format).toBe("lumigate-account-export/1");
    expect(json.user).toMatchObject({ id: u.userId, email: u.email, name: "Ada Owner", hasPassword: true, signInProviders: ["github"] });
    expect(json.account).toMatchObject({
      id: u.accountId,
      savedCard: { brand: "visa", last4: "4242" },
      autoRecharge: { enabled: true, thresholdMicros: 1_000_000, amountMicros: 10_000_000 },
      hasCallbackSigningSecret: true,
    });
    expect(json.members).toEqual([expect.objectContaining({ id: u.userId, email: u.email, role: "owner" })]);
    expect(json.apiKeys).toEqual([expect.objectContaining({ id: u.keyId, start: u.key.slice(0, json.apiKeys[0]!.start.length), mode: "live" })]);
    expect(json.providerCredentials).toEqual([expect.objectContaining({ provider: "openai", last4: "9xQz" })]);
    expect(json.ledger.map((e) => e.kind).sort()).toEqual(["capture", "grant", "hold"].sort());
    expect(json.tasks).toEqual([
      expect.objectContaining({
        id: u.taskId,
        state: "success",
        input: expect.objectContaining({ prompt }),
        media: [expect.objectContaining({ url: `http://gw.test/media/${u.mediaId}.png`, thumbnailUrl: `http://gw.test/media/${u.mediaId}.thumb.webp` })],
      }),
    ]);
    expect(json.playgroundRuns).toEqual([expect.objectContaining({ prompt: "two kites over a beach", panes: [expect.objectContaining({ taskId: u.taskId })] })]);

    const user = await db.user.findUniqueOrThrow({ where: { id: u.userId } });
    const key = await db.apiKey.findUniqueOrThrow({ where: { id: u.keyId } });
    for (const secret of [user.passwordHash!, key.hash, u.key, "whsec_", "pm_secret_card", "sealed-bytes", Buffer.from("sealed-bytes-of-the-credential").toString("base64")]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toMatch(/passwordHash|ciphertext|authTag|"hash"/);
  });

  it("pages through more tasks than one batch", async () => {
    const u = await populatedUser();
    const tasks = Array.from({ length: 501 }, () => ({
      id: newId("task"),
      accountId: u.accountId,
      variantSlug: "flux-2-pro-text-to-image-1k",
      modelRequested: "flux-2-pro",
      mode: "test" as const,
      surface: "task_api" as const,
      state: "fail" as const,
      input: { prompt: "bulk" },
      width: 64,
      height: 64,
      priceMicros: 0n,
      simulated: true,
      deadlineAt: new Date(),
    }));
    await db.task.createMany({ data: tasks });
    const { json } = await readExport(accountExportStream(u.user, "http://gw.test"));
    expect(json.tasks).toHaveLength(502);
    expect(new Set(json.tasks.map((t) => t.id)).size).toBe(502);
  });
});

describe("deleteAccount", () => {
  it("409 while a task is in flight, naming how many; nothing changes", async () => {
    const u = await populatedUser();
    expect((await createTask(u.key)).status).toBe(200);
    expect((await createTask(u.key)).status).toBe(200);
    const error = await refusal(deleteAccount(u.user, { confirmEmail: u.email, password }, storage));
    expect(error.code).toBe("conflict");
    expect(error.message).toBe("Wait for 2 running tasks to finish, then try again.");
    expect(await db.apiKey.findUniqueOrThrow({ where: { id: u.keyId } })).toMatchObject({ revokedAt: null });
    expect(await db.user.findUniqueOrThrow({ where: { id: u.userId } })).toMatchObject({ email: u.email, deletedAt: null });
    expect(await db.account.findUniqueOrThrow({ where: { id: u.accountId } })).toMatchObject({ closedAt: null });
  });

  it("409 while a payment dispute is open", async () => {
    const u = await populatedUser();
    await db.stripeDispute.create({ data: { id: `dp_${randomUUID()}`, accountId: u.accountId, status: "needs_response", amountMicros: 5_000_000n } });
    const error = await refusal(deleteAccount(u.user, { confirmEmail: u.email, password }, storage));
    expect(error.code).toBe("conflict");
    expect(error.message).toMatch(/dispute/);
    expect(await db.account.findUniqueOrThrow({ where: { id: u.accountId } })).toMatchObject({ closedAt: null });
  });

  it.each([
    ["another email", { confirmEmail: "someone@example.com", password }, "confirmEmail"],
    ["a wrong password", { confirmEmail: "", password: "not the password" }, "password"],
    ["no password", { confirmEmail: "", password: undefined }, "password"],
  ])("refuses %s, naming the field", async (_, input, param) => {
    const u = await populatedUser();
    const error = await refusal(deleteAccount(u.user, { ...input, confirmEmail: input.confirmEmail || u.email.toUpperCase() }, storage));
    expect(error.code).toBe("validation_error");
    expect(error.options.param).toBe(param);
    expect(await db.user.findUniqueOrThrow({ where: { id: u.userId } })).toMatchObject({ deletedAt: null });
  });

  it("erases what it says, keeps the books, and the old email neither signs in nor gets a second sign-up credit", async () => {
    const u = await populatedUser();
    const before = await db.user.findUniqueOrThrow({ where: { id: u.userId } });
    const ledgerBefore = await db.ledgerEntry.findMany({ where: { accountId: u.accountId }, orderBy: { id: "asc" } });
    const walletBefore = await db.wallet.findUniqueOrThrow({ where: { accountId: u.accountId } });

    const result = await deleteAccount(u.user, { confirmEmail: ` ${u.email.toUpperCase()} `, password }, storage);
    expect(result).toEqual({ accountId: u.accountId, mediaFiles: 2, mediaFilesFailed: 0 });

    const user = await db.user.findUniqueOrThrow({ where: { id: u.userId } });
    expect(user).toMatchObject({
      email: `deleted-${u.userId}@deleted.invalid`,
      name: null,
      image: null,
      passwordHash: null,
      emailVerified: null,
      sessionVersion: before.sessionVersion + 1,
      deletedAt: expect.any(Date),
    });
    const account = await db.account.findUniqueOrThrow({ where: { id: u.accountId } });
    expect(account).toMatchObject({
      name: "Closed account",
      closedAt: expect.any(Date),
      maxInFlightTasks: 0,
      webhookSecret: null,
      webhookSecretOld: null,
      stripePaymentMethodId: null,
      cardBrand: null,
      cardLast4: null,
      autoRechargeEnabled: false,
      autoRechargeThresholdMicros: null,
      autoRechargeAmountMicros: null,
    });
    expect(await db.apiKey.count({ where: { accountId: u.accountId, revokedAt: null } })).toBe(0);
    expect(await db.apiKey.count({ where: { accountId: u.accountId } })).toBe(1);
    expect(await db.providerCredential.count({ where: { accountId: u.accountId } })).toBe(0);
    expect(await db.membership.count({ where: { OR: [{ accountId: u.accountId }, { userId: u.userId }] } })).toBe(0);
    expect(await db.playgroundRun.count({ where: { accountId: u.accountId } })).toBe(0);
    expect(await db.playgroundPane.count({ where: { taskId: u.taskId } })).toBe(0);
    expect(await db.session.count({ where: { userId: u.userId } })).toBe(0);
    expect(await db.oAuthAccount.count({ where: { userId: u.userId } })).toBe(0);
    expect(await db.emailToken.count({ where: { userId: u.userId } })).toBe(0);
    expect(await db.verificationToken.count({ where: { identifier: u.email } })).toBe(0);
    expect(await db.media.count({ where: { accountId: u.accountId } })).toBe(0);
    expect(await db.callbackDelivery.count({ where: { accountId: u.accountId } })).toBe(0);
    expect(await db.idempotencyKey.count({ where: { accountId: u.accountId } })).toBe(0);
    expect(await storage.get(u.files.storageKey)).toBeNull();
    expect(await storage.get(u.files.thumbKey)).toBeNull();

    const task = await db.task.findUniqueOrThrow({ where: { id: u.taskId } });
    expect(task).toMatchObject({ state: "success", priceMicros: 35_000n, input: {}, callbackUrl: null });
    const inputs = await db.task.findMany({ where: { accountId: u.accountId }, select: { input: true, callbackUrl: true } });
    expect(JSON.stringify(inputs)).not.toContain(prompt);

    expect(await db.ledgerEntry.findMany({ where: { accountId: u.accountId }, orderBy: { id: "asc" } })).toEqual(ledgerBefore);
    expect(await db.wallet.findUniqueOrThrow({ where: { accountId: u.accountId } })).toEqual(walletBefore);
    expect(await db.hold.count({ where: { accountId: u.accountId } })).toBe(1);
    expect((await findDrift([u.accountId])).drift).toEqual([]);
    expect(await findHoldDrift([u.accountId])).toEqual([]);

    expect(await authenticateWithPassword(u.email, password)).toBeNull();
    expect((await createTask(u.key)).status).toBe(401);
    await expect(deleteAccount(u.user, { confirmEmail: u.email, password }, storage)).rejects.toBeInstanceOf(AppError);

    const again = await createUserWithAccount({ email: u.email, password }, "signup");
    expect(again.grant).toBe("already_granted");
    expect(await authenticateWithPassword(u.email, password)).toMatchObject({ id: again.userId });
  });

  it("403 for a member who is not the owner", async () => {
    const u = await populatedUser();
    const other = await createUserWithAccount({ email: `member-${randomUUID()}@example.com`, password }, "signup");
    await db.membership.create({ data: { userId: other.userId, accountId: u.accountId, role: "member" } });
    const member = await db.user.findUniqueOrThrow({ where: { id: other.userId } });
    const error = await refusal(deleteAccount({ id: other.userId, accountId: u.accountId }, { confirmEmail: member.email, password }, storage));
    expect(error.code).toBe("forbidden");
  });
});
