import type { Block } from "@/lib/docs/blocks";

export type MarkdownPage = { title: string | null; blocks: Block[] };

const SAFE_HREF = /^(https?:\/\/|mailto:|\/(?!\/)|#)/i;

/** Links to anything but the web, mail or this site lose their target and keep their text. */
function safeInline(text: string): string {
  return text.replace(/\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, label: string, href: string) => (SAFE_HREF.test(href) ? whole : label));
}

function slugify(text: string, taken: Set<string>): string {
  const base = text.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "section";
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  taken.add(id);
  return id;
}

/**
 * The small Markdown an operator writes for a legal page: `#` title, `##`/`###` headings,
 * paragraphs, `-`/`*`/`1.` lists, and inline `code`, **bold** and [links](https://...). Anything
 * else (HTML included) stays literal text: the result is rendered as React text, never as HTML.
 */
export function parseMarkdown(source: string): MarkdownPage {
  let title: string | null = null;
  const blocks: Block[] = [];
  const ids = new Set<string>();
  let paragraph: string[] = [];
  let list: string[] | null = null;

  const flush = () => {
    if (paragraph.length > 0) blocks.push({ kind: "p", text: safeInline(paragraph.join(" ")) });
    if (list) blocks.push({ kind: "list", items: list.map(safeInline) });
    paragraph = [];
    list = null;
  };

  for (const raw of source.replace(/\r\n?/g, "\n").split("\n")) {
    const line = raw.trim();
    const heading = /^(#{1,6})\s+(.+?)\s*#*$/.exec(line);
    const item = /^(?:[-*+]|\d+[.)])\s+(.+)$/.exec(line);
    if (line === "") {
      flush();
    } else if (heading) {
      flush();
      const text = heading[2]!;
      if (heading[1]!.length === 1 && title === null && blocks.length === 0) title = text;
      else blocks.push({ kind: heading[1]!.length <= 2 ? "h2" : "h3", id: slugify(text, ids), text });
    } else if (item) {
      if (paragraph.length > 0) flush();
      (list ??= []).push(item[1]!);
    } else if (list && /^\s{2,}/.test(raw)) {
      list[list.length - 1] += ` ${line}`;
    } else {
      if (list) flush();
      paragraph.push(line);
    }
  }
  flush();
  return { title, blocks };
}
