import { describe, expect, it } from "vitest";
import { parseMarkdown } from "./markdown";

describe("parseMarkdown", () => {
  it("reads a title, headings, paragraphs and lists", () => {
    const page = parseMarkdown(
      "# Terms\n\nIntro line one\nline two.\n\n## Use\n\n- first\n- second\n  continued\n\n1. one\n2) two\n\n### Small print\nText.",
    );
    expect(page).toEqual({
      title: "Terms",
      blocks: [
        { kind: "p", text: "Intro line one line two." },
        { kind: "h2", id: "use", text: "Use" },
        { kind: "list", items: ["first", "second continued"] },
        { kind: "list", items: ["one", "two"] },
        { kind: "h3", id: "small-print", text: "Small print" },
        { kind: "p", text: "Text." },
      ],
    });
  });

  it("has no title without a leading # heading, and gives repeated headings distinct ids", () => {
    const page = parseMarkdown("Hello\n\n# Later\n\n## Later");
    expect(page.title).toBeNull();
    expect(page.blocks).toEqual([
      { kind: "p", text: "Hello" },
      { kind: "h2", id: "later", text: "Later" },
      { kind: "h2", id: "later-2", text: "Later" },
    ]);
  });

  it.each([
    ["[x](javascript:alert%281%29)", "x"],
    ["[x](JavaScript:void0)", "x"],
    ["[x](data:text/html,hi)", "x"],
    ["[x](//evil.example)", "x"],
    ["[x](https://ok.example/a)", "[x](https://ok.example/a)"],
    ["[x](mailto:legal@example.com)", "[x](mailto:legal@example.com)"],
    ["[x](/privacy)", "[x](/privacy)"],
  ])("keeps only safe link targets: %s", (source, text) => {
    expect(parseMarkdown(source).blocks).toEqual([{ kind: "p", text }]);
  });

  it("keeps HTML as literal text", () => {
    expect(parseMarkdown("<script>alert(1)</script>").blocks).toEqual([{ kind: "p", text: "<script>alert(1)</script>" }]);
  });
});
