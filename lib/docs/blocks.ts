// A guide is a list of blocks, so the same text renders as a page (components/docs) and as
// Markdown for agents (/llms-full.txt) without two copies drifting apart. Inline text may use
// `code`, **bold** and [links](/path).

export type Block =
  | { kind: "h2"; id: string; text: string }
  | { kind: "h3"; id: string; text: string }
  | { kind: "p"; text: string }
  | { kind: "list"; items: string[] }
  | { kind: "code"; label: string; lang: string; code: string }
  | { kind: "table"; head: string[]; rows: string[][] };

export type Guide = {
  slug: string;
  title: string;
  /** One line, for the docs index and llms.txt. */
  summary: string;
  blocks: Block[];
};

export type InlinePart =
  | { kind: "text"; text: string }
  | { kind: "code"; text: string }
  | { kind: "bold"; text: string }
  | { kind: "link"; text: string; href: string };

const inline = /`([^`]+)`|\*\*([^*]+)\*\*|\[([^\]]+)\]\(([^)\s]+)\)/g;

/** Splits inline text into its parts; anything that is not markup stays text. */
export function parseInline(text: string): InlinePart[] {
  const parts: InlinePart[] = [];
  let last = 0;
  for (const match of text.matchAll(inline)) {
    if (match.index > last) parts.push({ kind: "text", text: text.slice(last, match.index) });
    if (match[1] !== undefined) parts.push({ kind: "code", text: match[1] });
    else if (match[2] !== undefined) parts.push({ kind: "bold", text: match[2] });
    else parts.push({ kind: "link", text: match[3]!, href: match[4]! });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ kind: "text", text: text.slice(last) });
  return parts;
}

/** Relative links made absolute, so the Markdown reads right outside this site. */
function absoluteLinks(text: string, base: string): string {
  return text.replace(/\]\((\/[^)\s]*)\)/g, (_, path: string) => `](${base}${path})`);
}

const cell = (text: string) => text.replaceAll("|", "\\|");

/** The guide as Markdown; `depth` 2 makes its title a `##`, as inside a longer file. */
export function guideToMarkdown(guide: Guide, base: string, depth = 1): string {
  const hashes = (level: number) => "#".repeat(depth - 1 + level);
  const lines = [`${hashes(1)} ${guide.title}`, "", guide.summary, ""];
  for (const block of guide.blocks) {
    switch (block.kind) {
      case "h2":
        lines.push(`${hashes(2)} ${block.text}`, "");
        break;
      case "h3":
        lines.push(`${hashes(3)} ${block.text}`, "");
        break;
      case "p":
        lines.push(absoluteLinks(block.text, base), "");
        break;
      case "list":
        lines.push(...block.items.map((item) => `- ${absoluteLinks(item, base)}`), "");
        break;
      case "code":
        lines.push("```" + block.lang, block.code, "```", "");
        break;
      case "table":
        lines.push(
          `| ${block.head.map(cell).join(" | ")} |`,
          `| ${block.head.map(() => "---").join(" | ")} |`,
          ...block.rows.map((row) => `| ${row.map((c) => cell(absoluteLinks(c, base))).join(" | ")} |`),
          "",
        );
        break;
    }
  }
  return lines.join("\n");
}
