import { existsSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { documentedPaths } from "@/app/api/v1/openapi.json/paths";
import { errorCodes } from "@/lib/errors";
import { openApiDocument } from "@/lib/http/openapi";
import { guideToMarkdown, parseInline, type Guide } from "./blocks";
import { guides } from "@/lib/http/guides";
import { llmsFull, llmsIndex, type OpenApiLike } from "./llms";

const base = "https://gw.example";
const all = guides(base);

/** The page file a site path is served by (static segments, or the guide route for /docs/<slug>). */
function pageExists(href: string): boolean {
  const pathname = href.split("#")[0]!;
  if (pathname === "/docs/api") return existsSync(path.resolve("app/docs/api/page.tsx"));
  if (pathname.startsWith("/docs/")) return all.some((g) => `/docs/${g.slug}` === pathname);
  const candidates = [`app${pathname}/page.tsx`, `app${pathname}/(index)/page.tsx`];
  return candidates.some((c) => existsSync(path.resolve(c)));
}

function inlineTexts(guide: Guide): string[] {
  return guide.blocks.flatMap((b) => (b.kind === "p" ? [b.text] : b.kind === "list" ? b.items : b.kind === "table" ? b.rows.flat() : []));
}

describe("parseInline", () => {
  it("splits code, bold and links out of the text, and leaves the rest as it is", () => {
    expect(parseInline("Use `x` **now**: [docs](/docs) or a[b")).toEqual([
      { kind: "text", text: "Use " },
      { kind: "code", text: "x" },
      { kind: "text", text: " " },
      { kind: "bold", text: "now" },
      { kind: "text", text: ": " },
      { kind: "link", text: "docs", href: "/docs" },
      { kind: "text", text: " or a[b" },
    ]);
  });
});

describe("guides", () => {
  it("have unique slugs, and every link inside them leads to a page that exists", () => {
    expect(new Set(all.map((g) => g.slug)).size).toBe(all.length);
    const internal = all.flatMap((g) => inlineTexts(g).flatMap((t) => parseInline(t))).filter((p) => p.kind === "link" && p.href.startsWith("/"));
    expect(internal.length).toBeGreaterThan(5);
    for (const link of internal) if (link.kind === "link") expect(pageExists(link.href), link.href).toBe(true);
  });

  it("give every error code its own section, which error answers link as doc_url", () => {
    const errors = all.find((g) => g.slug === "errors")!;
    const ids = errors.blocks.filter((b) => b.kind === "h2").map((b) => (b.kind === "h2" ? b.id : ""));
    expect(ids.sort()).toEqual([...errorCodes].sort());
  });

  it("print commands for the base URL the reader reached", () => {
    const quick = all.find((g) => g.slug === "quickstart")!;
    expect(quick.blocks.some((b) => b.kind === "code" && b.code.includes(`${base}/api/v1/jobs/createTask`))).toBe(true);
  });

  it("turn into Markdown with absolute links and fenced code", () => {
    const md = guideToMarkdown(all.find((g) => g.slug === "quickstart")!, base, 2);
    expect(md).toMatch(/^## Quick start\n/);
    expect(md).toContain(`](${base}/dashboard/keys)`);
    expect(md).toContain("```sh\ncurl -sS -X POST");
  });
});

describe("llms.txt", () => {
  it("links every guide, the OpenAPI document and the full file", () => {
    const text = llmsIndex(base, all);
    expect(text).toMatch(/^# Lumigate\n\n> /);
    for (const g of all) expect(text).toContain(`(${base}/docs/${g.slug})`);
    expect(text).toContain(`${base}/api/v1/openapi.json`);
    expect(text).toContain(`${base}/llms-full.txt`);
  });

  it("llms-full.txt has every documented endpoint with its fields, and the models", () => {
    const document = openApiDocument(documentedPaths, base) as OpenApiLike;
    const text = llmsFull(base, all, document, [{ slug: "flux-2-pro", name: "FLUX.2 [pro]", task: "text to image", priceUsd: "$0.035 per image" }]);
    for (const { path: p, methods } of documentedPaths) for (const m of Object.keys(methods)) expect(text).toContain(`### ${m} ${p}\n`);
    expect(text).toContain("- `taskId` (query, string, required): pattern `^task_[a-z0-9]{20}$`");
    expect(text).toContain("- `model` (body application/json, string, required)");
    expect(text).toContain("- `flux-2-pro`: FLUX.2 [pro], text to image, $0.035 per image");
    expect(text).toContain("### Fault directives");
  });
});
