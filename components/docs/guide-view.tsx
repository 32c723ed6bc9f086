import Link from "next/link";
import { CodeBlock } from "@/components/ui/code-block";
import { Table, TableBody, TableCell, TableHead, TableHeaderCell, TableRow } from "@/components/ui/table";
import { parseInline, type Block, type Guide } from "@/lib/docs/blocks";

function Inline({ text }: { text: string }) {
  return (
    <>
      {parseInline(text).map((part, i) => {
        switch (part.kind) {
          case "text":
            return part.text;
          case "code":
            return (
              <code key={i} className="rounded bg-muted px-1 py-0.5 font-mono text-[0.85em]">
                {part.text}
              </code>
            );
          case "bold":
            return <strong key={i}>{part.text}</strong>;
          case "link":
            return part.href.startsWith("/") || part.href.startsWith("#") ? (
              <Link key={i} href={part.href} className="font-medium text-primary underline underline-offset-2">
                {part.text}
              </Link>
            ) : (
              <a key={i} href={part.href} rel="noreferrer" className="font-medium text-primary underline underline-offset-2">
                {part.text}
              </a>
            );
        }
      })}
    </>
  );
}

function BlockView({ block }: { block: Block }) {
  switch (block.kind) {
    case "h2":
      return (
        <h2 id={block.id} className="scroll-mt-20 pt-4 text-xl font-semibold tracking-tight">
          <a href={`#${block.id}`} className="hover:underline">
            {block.text}
          </a>
        </h2>
      );
    case "h3":
      return (
        <h3 id={block.id} className="scroll-mt-20 text-base font-semibold">
          {block.text}
        </h3>
      );
    case "p":
      return (
        <p className="leading-relaxed text-foreground/90">
          <Inline text={block.text} />
        </p>
      );
    case "list":
      return (
        <ul className="list-disc space-y-1.5 pl-5 leading-relaxed text-foreground/90">
          {block.items.map((item) => (
            <li key={item}>
              <Inline text={item} />
            </li>
          ))}
        </ul>
      );
    case "code":
      return <CodeBlock code={block.code} label={block.label} />;
    case "table":
      return (
        <Table label={block.head.join(", ")}>
          <TableHead>
            <TableRow>
              {block.head.map((h) => (
                <TableHeaderCell key={h}>
                  <Inline text={h} />
                </TableHeaderCell>
              ))}
            </TableRow>
          </TableHead>
          <TableBody>
            {block.rows.map((row) => (
              <TableRow key={row.join("|")}>
                {row.map((cell, i) => (
                  <TableCell key={i}>
                    <Inline text={cell} />
                  </TableCell>
                ))}
              </TableRow>
            ))}
          </TableBody>
        </Table>
      );
  }
}

/** Blocks (lib/docs/blocks.ts) as page content: the /docs guides, and the terms and privacy pages' Markdown. */
export function BlocksView({ blocks }: { blocks: Block[] }) {
  return blocks.map((block, i) => <BlockView key={i} block={block} />);
}

/** A guide of /docs, rendered from its blocks (the same blocks /llms-full.txt prints as Markdown). */
export function GuideView({ guide }: { guide: Guide }) {
  return (
    <article className="min-w-0 space-y-5">
      <header className="space-y-2">
        <h1 className="text-3xl font-semibold tracking-tight">{guide.title}</h1>
        <p className="text-lg text-muted-foreground">{guide.summary}</p>
      </header>
      <BlocksView blocks={guide.blocks} />
    </article>
  );
}
