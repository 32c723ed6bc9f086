import type { Metadata } from "next";
import Link from "next/link";
import { requestBaseUrl } from "@/components/site/request-base-url";
import { CodeBlock } from "@/components/ui/code-block";
import { guides } from "@/lib/http/guides";

export const metadata: Metadata = {
  title: "Documentation",
  description: "Lumigate's API: quick start, tasks, callbacks, errors, limits, the OpenAI SDK, and the full API reference.",
};

export default async function DocsIndex() {
  const base = await requestBaseUrl();
  const all = guides(base);
  const quick = all.find((g) => g.slug === "quickstart")!;
  const create = quick.blocks.find((b) => b.kind === "code" && b.label === "createTask");
  return (
    <div className="space-y-10">
      <header className="space-y-3">
        <h1 className="text-3xl font-semibold tracking-tight">Documentation</h1>
        <p className="max-w-2xl text-lg text-muted-foreground">
          One API key and one request shape for every model. Create a task, then poll for it or receive a signed callback; or keep
          the OpenAI SDK you already use and change only its base URL.
        </p>
        <p className="text-sm text-muted-foreground">
          Base URL <code className="rounded bg-muted px-1 py-0.5 font-mono">{base}</code>. Machine-readable:{" "}
          <a className="font-medium text-primary underline underline-offset-2" href="/api/v1/openapi.json">
            OpenAPI 3.1
          </a>
          ,{" "}
          <a className="font-medium text-primary underline underline-offset-2" href="/llms.txt">
            llms.txt
          </a>
          ,{" "}
          <a className="font-medium text-primary underline underline-offset-2" href="/llms-full.txt">
            llms-full.txt
          </a>
          .
        </p>
      </header>
      {create?.kind === "code" && (
        <section aria-labelledby="first-task" className="space-y-3">
          <h2 id="first-task" className="text-xl font-semibold tracking-tight">
            Your first task
          </h2>
          <CodeBlock code={create.code} label="createTask" />
          <p className="text-sm text-muted-foreground">
            Then read it with recordInfo: the <Link className="font-medium text-primary underline underline-offset-2" href="/docs/quickstart">quick start</Link> has all three commands.
          </p>
        </section>
      )}
      <section aria-labelledby="guides" className="space-y-4">
        <h2 id="guides" className="text-xl font-semibold tracking-tight">
          Guides
        </h2>
        <ul className="grid gap-3 sm:grid-cols-2">
          {[...all.map((g) => ({ href: `/docs/${g.slug}`, title: g.title, summary: g.summary })), { href: "/docs/api", title: "API reference", summary: "Every endpoint with its parameters, ranges, defaults, answers and errors, from the OpenAPI document." }].map((item) => (
            <li key={item.href}>
              <Link href={item.href} className="block h-full rounded-xl border bg-card p-4 transition-colors hover:border-primary/50 hover:bg-muted/40">
                <span className="font-medium">{item.title}</span>
                <span className="mt-1 block text-sm text-muted-foreground">{item.summary}</span>
              </Link>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
