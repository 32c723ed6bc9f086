import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { env } from "@/lib/env";
import { newId } from "@/lib/ids";
import { newAccount } from "@/lib/testing/fixtures";
import { withScratchDatabase } from "@/lib/testing/scratch-db";
import { listVariants } from "./queries";
import { HEALTH_WINDOW_MS, servingStatus } from "./serving";
import { catalogSource } from "./source";

// Attempts are inserted into a database of this file's own; each case reads its own hour of the
// future (`now`), so rows one case inserts never count in another's window.
withScratchDatabase("serving");

const flux = { slug: "flux-2-pro-text-to-image-1k", status: "operational" } as const; // bfl, fal, replicate
const qwen = { slug: "qwen-image-text-to-image", status: "operational" } as const; // fal, replicate
const gpt = { slug: "gpt-image-1.5-text-to-image-high", status: "operational" } as const; // openai, fal

type Upstream = "bfl" | "fal" | "replicate" | "openai";

/** Each test file runs in its own process, so setting env here touches no other file. */
function configure(...upstreams: Upstream[]): void {
  env.BFL_API_KEY = upstreams.includes("bfl") ? "bfl-test-key" : undefined;
  env.FAL_KEY = upstreams.includes("fal") ? "fal-test-key" : undefined;
  env.REPLICATE_API_TOKEN = upstreams.includes("replicate") ? "r8_test" : undefined;
  env.OPENAI_API_KEY = upstreams.includes("openai") ? "sk-test" : undefined;
}

let taskId = "";
let hour = 0;

/** A moment no other case uses. */
function freshNow(): Date {
  hour += 1;
  return new Date(Date.UTC(2031, 0, 1) + hour * 3_600_000);
}

beforeAll(async () => {
  const accountId = await newAccount();
  taskId = newId("task");
  await db.task.create({
    data: {
      id: taskId,
      accountId,
      variantSlug: flux.slug,
      modelRequested: flux.slug,
      mode: "live",
      surface: "task_api",
      input: { prompt: "x" },
      width: 1024,
      height: 768,
      priceMicros: 0n,
      simulated: false,
      deadlineAt: new Date(Date.UTC(2032, 0, 1)),
    },
  });
});

type Attempts = { provider: string; accepted: number; refused: number; agoMs?: number; simulated?: boolean; outcomes?: string[] };

/** Outcomes that tell about an upstream's health; a refused input or a skipped call does not. */
const failures = ["rate_limited", "unavailable", "unreachable", "auth", "insufficient_funds", "invalid_response"];

async function insertAttempts(now: Date, rows: Attempts[]): Promise<void> {
  await db.taskAttempt.createMany({
    data: rows.flatMap(({ provider, accepted, refused, agoMs = 60_000, simulated = false, outcomes = failures }) =>
      [...Array<string>(accepted).fill("accepted"), ...Array.from({ length: refused }, (_, i) => outcomes[i % outcomes.length]!)].map(
        (outcome, i) => ({
          id: newId("att"),
          taskId,
          providerSlug: provider,
          simulated,
          outcome,
          latencyMs: 100,
          createdAt: new Date(now.getTime() - agoMs - i),
        }),
      ),
    ),
  });
}

describe("servingStatus", () => {
  it("says simulated for every variant while no credential is configured, whatever the attempts say", async () => {
    configure();
    const now = freshNow();
    await insertAttempts(now, [{ provider: "black-forest-labs", accepted: 0, refused: 10 }]);
    const statuses = await servingStatus([flux, qwen, gpt], now);
    expect(Object.fromEntries(statuses)).toEqual({ [flux.slug]: "simulated", [qwen.slug]: "simulated", [gpt.slug]: "simulated" });
  });

  it.each<[string, Attempts[], "operational" | "degraded"]>([
    ["no attempts at all", [], "operational"],
    ["4 attempts, all refused: too few to judge", [{ provider: "black-forest-labs", accepted: 0, refused: 4 }], "operational"],
    ["5 attempts, 3 refused", [{ provider: "black-forest-labs", accepted: 2, refused: 3 }], "degraded"],
    ["6 attempts, 3 refused: half is not more than half", [{ provider: "black-forest-labs", accepted: 3, refused: 3 }], "operational"],
    ["20 attempts, 11 refused", [{ provider: "black-forest-labs", accepted: 9, refused: 11 }], "degraded"],
    ["refusals older than the window", [{ provider: "black-forest-labs", accepted: 0, refused: 8, agoMs: HEALTH_WINDOW_MS + 1_000 }], "operational"],
    ["refusals only on the simulator", [{ provider: "black-forest-labs", accepted: 0, refused: 8, simulated: true }], "operational"],
    ["refusals only at another upstream", [{ provider: "fal", accepted: 0, refused: 8 }], "operational"],
    ["only refused inputs and open-circuit skips", [{ provider: "black-forest-labs", accepted: 0, refused: 8, outcomes: ["rejected", "circuit_open"] }], "operational"],
  ])("with BFL configured and %s: the BFL-routed variant is %s", async (_, attempts, expected) => {
    configure("bfl");
    const now = freshNow();
    await insertAttempts(now, attempts);
    const statuses = await servingStatus([flux, qwen], now);
    expect(statuses.get(flux.slug)).toBe(expected);
    expect(statuses.get(qwen.slug)).toBe("simulated");
  });

  it("stays operational while any configured upstream of the variant is healthy, degraded once none is", async () => {
    configure("bfl", "fal");
    const now = freshNow();
    await insertAttempts(now, [{ provider: "black-forest-labs", accepted: 1, refused: 9 }]);
    expect(Object.fromEntries(await servingStatus([flux, qwen, gpt], now))).toEqual({
      [flux.slug]: "operational",
      [qwen.slug]: "operational",
      [gpt.slug]: "operational",
    });

    await insertAttempts(now, [{ provider: "fal", accepted: 2, refused: 5 }]);
    expect(Object.fromEntries(await servingStatus([flux, qwen, gpt], now))).toEqual({
      [flux.slug]: "degraded",
      [qwen.slug]: "degraded",
      [gpt.slug]: "degraded",
    });
  });

  it("keeps a variant's own maintenance or disabled status over any upstream's health", async () => {
    configure("bfl", "fal", "replicate", "openai");
    const now = freshNow();
    await insertAttempts(now, [{ provider: "black-forest-labs", accepted: 0, refused: 9 }]);
    const statuses = await servingStatus(
      [
        { slug: flux.slug, status: "maintenance" },
        { slug: qwen.slug, status: "disabled" },
        gpt,
      ],
      now,
    );
    expect(Object.fromEntries(statuses)).toEqual({ [flux.slug]: "maintenance", [qwen.slug]: "disabled", [gpt.slug]: "operational" });
  });

  it("answers for the whole catalog in one call: operational where a BFL route exists, simulated elsewhere", async () => {
    configure("bfl");
    const variants = await listVariants();
    const statuses = await servingStatus(variants, freshNow());
    const expected = Object.fromEntries(
      catalogSource.variants.map((v) => [v.slug, v.routes.some((r) => r.providerSlug === "black-forest-labs") ? "operational" : "simulated"]),
    );
    expect(Object.fromEntries(statuses)).toEqual(expected);
    expect(new Set(Object.values(expected))).toEqual(new Set(["operational", "simulated"]));
  });
});
