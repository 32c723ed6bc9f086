import { renderToStaticMarkup } from "react-dom/server";
import sharp from "sharp";
import { describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/auth/session";
import { newId } from "@/lib/ids";
import { newAccount } from "@/lib/testing/fixtures";
import { withGenerationStack } from "@/lib/testing/generation-stack";
import SharedRunPage, { generateMetadata } from "@/app/p/[shareId]/page";
import PlaygroundHistoryPage from "@/app/playground/history/page";
import { GET as previewRoute } from "@/app/p/[shareId]/preview.png/route";
import { createRunSchema, type CreateRunRequest, type RunView } from "./contract";
import { historyVariants } from "./history-variants";
import { getRun, shareRun, unshareRun, voteRun, type PlaygroundActor } from "./index";
import { createRun } from "./runs";

// What a shared run shows the public (its page, metadata and social card) and the history page, on a scratch database with the simulator and a worker, so the panes' images are real media.

// The pages read the base URL from the request's headers and the user from next-auth's cookie,
// which only exist inside Next.
vi.mock("@/components/site/request-base-url", () => ({ requestBaseUrl: async () => "http://localhost" }));
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ getCurrentUser: async () => session.user }));

withGenerationStack("playground-preview", { webhooks: true });

const baseUrl = "http://localhost";
const pro = "flux-2-pro-text-to-image-1k";
const flex = "flux-2-flex-text-to-image-1k";

const userOn = (accountId: string): SessionUser => ({ id: newId("usr"), email: "sharer@example.com", name: null, role: "user", accountId });

async function finishedRun(user: SessionUser, overrides: Partial<CreateRunRequest> = {}): Promise<RunView> {
  const actor: PlaygroundActor = { kind: "user", user };
  const body: CreateRunRequest = { prompt: "a lighthouse at dusk", seed: 7, aspectRatio: "1:1", mode: "test", panes: [{ variant: pro }, { variant: flex }], ...overrides };
  const run = await createRun(actor, createRunSchema.parse(body), baseUrl);
  const deadline = Date.now() + 20_000;
  for (;;) {
    const now = await getRun(actor, run.id, baseUrl);
    if (now.done) return now;
    if (Date.now() > deadline) throw new Error(`run ${run.id} did not finish`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const shareIdOf = (run: RunView) => run.shareUrl!.split("/").at(-1)!;

const preview = (shareId: string) => previewRoute(new Request(`${baseUrl}/p/${shareId}/preview.png`), { params: Promise.resolve({ shareId }) });

async function pixelAt(png: Uint8Array, x: number, y: number): Promise<number[]> {
  const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
  const at = (y * info.width + x) * info.channels;
  return [...data.subarray(at, at + 3)];
}
const cornerPixel = (png: Uint8Array) => pixelAt(png, 0, 0);

describe("GET /p/[shareId]/preview.png", () => {
  it("composes the panes' images into a 1200x630 PNG, cacheable for a short while", async () => {
    const user = userOn(await newAccount());
    const run = await finishedRun(user);
    expect(run.panes.map((p) => p.state)).toEqual(["success", "success"]);
    const shared = await shareRun(user, run.id, baseUrl);

    const res = await preview(shareIdOf(shared));
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toBe("image/png");
    expect(res.headers.get("cache-control")).toBe("public, max-age=300");
    const png = new Uint8Array(await res.arrayBuffer());
    const meta = await sharp(png).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(["png", 1200, 630]);
    // The dark frame around the images (#16151c), not the brand card's gradient.
    expect(await cornerPixel(png)).toEqual([0x16, 0x15, 0x1c]);
    // Each half shows a stored image: neither the frame nor the letterbox panel (#22202b).
    for (const x of [300, 900]) {
      const pixel = await pixelAt(png, x, 315);
      expect(pixel).not.toEqual([0x16, 0x15, 0x1c]);
      expect(pixel).not.toEqual([0x22, 0x20, 0x2b]);
    }
  });

  it("is the branded card when no pane has an image", async () => {
    const user = userOn(await newAccount());
    const run = await finishedRun(user, { panes: [{ variant: pro, promptAddition: "[sim:fail]" }, { variant: flex, promptAddition: "[sim:fail]" }] });
    expect(run.panes.map((p) => p.state)).toEqual(["fail", "fail"]);
    const shared = await shareRun(user, run.id, baseUrl);

    const res = await preview(shareIdOf(shared));
    expect(res.status).toBe(200);
    const png = new Uint8Array(await res.arrayBuffer());
    expect((await sharp(png).metadata()).width).toBe(1200);
    const [r, g, b] = await cornerPixel(png);
    expect(Math.abs(r! - 0x1f) + Math.abs(g! - 0x1a) + Math.abs(b! - 0x3d)).toBeLessThan(12);
  });

  it.each([
    ["an unknown share id", "shr_00000000000000000000"],
    ["a path segment too long to be one", `shr_${"a".repeat(200)}`],
  ])("answers 404 for %s", async (_name, shareId) => {
    const res = await preview(shareId);
    expect(res.status).toBe(404);
    expect(res.headers.get("cache-control")).toBe("no-store");
  });

  it("answers 404 once the run is unshared", async () => {
    const user = userOn(await newAccount());
    const run = await finishedRun(user);
    const shareId = shareIdOf(await shareRun(user, run.id, baseUrl));
    expect((await preview(shareId)).status).toBe(200);
    await unshareRun(user, run.id, baseUrl);
    expect((await preview(shareId)).status).toBe(404);
  });
});

describe("historyVariants", () => {
  it("lists each variant the account ran once, by name, and nothing of other accounts", async () => {
    const user = userOn(await newAccount());
    await finishedRun(user);
    await finishedRun(user, { panes: [{ variant: flex }, { variant: flex, params: { steps: 8 } }] });

    const variants = await historyVariants(user);
    expect(variants.map((v) => v.slug).sort()).toEqual([flex, pro].sort());
    expect(variants.map((v) => v.displayName)).toEqual([...variants.map((v) => v.displayName)].sort((a, b) => a.localeCompare(b)));
    expect(variants.every((v) => v.displayName.startsWith("FLUX.2"))).toBe(true);

    expect(await historyVariants(userOn(await newAccount()))).toEqual([]);
  });
});

const pageProps = (shareId: string) => ({ params: Promise.resolve({ shareId }) });
const renderPage = async (shareId: string) => renderToStaticMarkup(await SharedRunPage(pageProps(shareId)));

describe("the shared run page /p/[shareId]", () => {
  const longPrompt = `a lighthouse on a basalt cliff at dusk, soft fog, long exposure, ${"very ".repeat(20)}detailed`;

  it("shows the prompt as its heading (80 characters at most), the settings, each pane and the winner", async () => {
    const user = userOn(await newAccount());
    const run = await finishedRun(user, { prompt: longPrompt });
    const actor: PlaygroundActor = { kind: "user", user };
    await voteRun(actor, run.id, { winnerPaneId: run.panes[1]!.id, note: "sharper <fog>" }, baseUrl);
    const shareId = shareIdOf(await shareRun(user, run.id, baseUrl));

    const html = await renderPage(shareId);
    const heading = /<h1[^>]*>(.*?)<\/h1>/.exec(html)?.[1] ?? "";
    expect(heading).toHaveLength(80);
    expect(longPrompt.startsWith(heading.slice(0, -1).trimEnd())).toBe(true);
    expect(heading.endsWith("…")).toBe(true);
    expect(html).toContain(">7<"); // the seed
    expect(html).toContain(">1:1<");
    expect(html).toContain("Test (simulator)");
    expect(html).toContain('aria-label="Pane 1"');
    expect(html).toContain('aria-label="Pane 2"');
    expect(html.match(/<img /g)).toHaveLength(2);
    expect(html).toContain("FLUX.2 [pro]");
    expect(html).toContain("FLUX.2 [flex]");
    expect(html).toMatch(/Winner: <\/span><span class="font-medium">FLUX.2 \[flex\]/);
    expect(html).toContain("sharper &lt;fog&gt;");
    expect(html).toContain('href="/playground"');
    expect(html).toContain("Try this in the playground");
  });

  it("keeps a blind run without a vote blind: letters, no model names", async () => {
    const user = userOn(await newAccount());
    const run = await finishedRun(user, { blind: true });
    const shareId = shareIdOf(await shareRun(user, run.id, baseUrl));

    const html = await renderPage(shareId);
    expect(html).toContain("Variant A");
    expect(html).toContain("Variant B");
    expect(html).not.toContain("FLUX.2");
    expect(html).toContain("stays hidden until its owner picks a winner");
    const meta = await generateMetadata(pageProps(shareId));
    expect(meta.description).toMatch(/^A blind comparison of 2 image models/);
    expect(JSON.stringify(meta)).not.toContain("FLUX.2");
  });

  it("describes the run for link previews: Open Graph and a large Twitter card on preview.png, not indexed", async () => {
    const user = userOn(await newAccount());
    const run = await finishedRun(user);
    const shareId = shareIdOf(await shareRun(user, run.id, baseUrl));

    const meta = await generateMetadata(pageProps(shareId));
    const image = { url: `http://localhost/p/${shareId}/preview.png`, width: 1200, height: 630 };
    expect(meta).toMatchObject({
      title: "a lighthouse at dusk",
      robots: { index: false },
      openGraph: { title: "a lighthouse at dusk", images: [image] },
      twitter: { card: "summary_large_image", images: [image] },
    });
    expect(meta.description).toContain(" vs ");
  });

  it.each([
    ["an unknown share id", async () => "shr_00000000000000000000"],
    [
      "an unshared run",
      async () => {
        const user = userOn(await newAccount());
        const run = await finishedRun(user);
        const shareId = shareIdOf(await shareRun(user, run.id, baseUrl));
        await unshareRun(user, run.id, baseUrl);
        return shareId;
      },
    ],
  ])("is not found for %s", async (_name, makeShareId) => {
    const shareId = await makeShareId();
    await expect(renderPage(shareId)).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
    await expect(generateMetadata(pageProps(shareId))).rejects.toThrow(/NEXT_HTTP_ERROR_FALLBACK;404|NEXT_NOT_FOUND/);
  });
});

async function renderHistory(user: SessionUser | null, query: Record<string, string> = {}): Promise<string> {
  session.user = user;
  return renderToStaticMarkup(await PlaygroundHistoryPage({ searchParams: Promise.resolve(query) }));
}

/** Where a thrown redirect() points. */
async function redirectOf(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e as { digest?: string },
  );
  const digest = error?.digest ?? "";
  if (!digest.startsWith("NEXT_REDIRECT")) throw new Error(`expected a redirect, got ${String(error)}`);
  return digest.split(";")[2]!;
}

describe("the history page /playground/history", () => {
  it("sends a signed-out visitor to sign in, back to the same filtered page", async () => {
    const target = await redirectOf(renderHistory(null, { q: "fog", winner: "any" }));
    expect(target).toBe(`/sign-in?callbackUrl=${encodeURIComponent("/playground/history?q=fog&winner=any")}`);
  });

  it("says there are no runs yet, with a link to the playground", async () => {
    const html = await renderHistory(userOn(await newAccount()));
    expect(html).toContain("No runs yet");
    expect(html).toContain('href="/playground"');
    expect(html).not.toContain("Search prompts");
  });

  it("lists the runs newest first with thumbnails, mode, cost, winner and share badges and a Reopen link; filters stay in the form", async () => {
    const user = userOn(await newAccount());
    const older = await finishedRun(user, { prompt: "a red fox in snow" });
    const newer = await finishedRun(user, { prompt: "a lighthouse in fog", panes: [{ variant: pro }, { variant: flex, label: "Flex fast: 8 steps", params: { steps: 8 } }] });
    await voteRun({ kind: "user", user }, newer.id, { winnerPaneId: newer.panes[1]!.id, note: "" }, baseUrl);
    await shareRun(user, newer.id, baseUrl);

    const html = await renderHistory(user);
    const reopen = [...html.matchAll(/href="\/playground\?run=([^"]+)"/g)].map((m) => m[1]);
    expect(reopen).toEqual([newer.id, older.id]);
    expect(html).toContain('<label class="text-sm font-medium text-foreground" for="history-q">Search prompts</label>');
    expect(html.match(/<img [^>]*src="http:\/\/localhost\/media\/med_\w+\.thumb\.webp"/g)).toHaveLength(4);
    expect(html).toContain("Winner: FLUX.2 [flex] · text-to-image · 1K (Flex fast: 8 steps)</span>");
    expect(html).toContain('alt="FLUX.2 [flex] · text-to-image · 1K (winner)"');
    expect(html.match(/>Shared</g)).toHaveLength(1);
    expect(html.match(/>Test</g)).toHaveLength(2);
    expect(html.match(/>Free</g)).toHaveLength(2);
    expect(html).toContain('<option value="any">Any winner</option>');

    const filtered = await renderHistory(user, { q: "FOX" });
    expect([...filtered.matchAll(/href="\/playground\?run=([^"]+)"/g)].map((m) => m[1])).toEqual([older.id]);
    expect(filtered).toContain('value="FOX"');
    const won = await renderHistory(user, { winner: flex });
    expect([...won.matchAll(/href="\/playground\?run=([^"]+)"/g)].map((m) => m[1])).toEqual([newer.id]);
    expect(won).toMatch(new RegExp(`<option value="${flex}" selected="">Won by`));
  });

  it("says when the filters match nothing, with a way to clear them", async () => {
    const user = userOn(await newAccount());
    await finishedRun(user);
    const html = await renderHistory(user, { q: "no such prompt anywhere" });
    expect(html).toContain("No runs match these filters");
    expect(html).toContain('href="/playground/history"');
  });

  it("hides the models of a blind run that has no winner yet", async () => {
    const user = userOn(await newAccount());
    await finishedRun(user, { blind: true });
    const html = await renderHistory(user);
    expect(html).toContain("Blind comparison of 2 models, no winner yet");
    expect(html).not.toMatch(/alt="FLUX/);
  });
});
