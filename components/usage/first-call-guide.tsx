import Link from "next/link";
import { Card } from "@/components/ui/card";
import { CodeBlock } from "@/components/ui/code-block";
import { guides } from "@/lib/http/guides";

/** Shown while the account has no task: the docs' quick start, built for the URL the reader reached. */
export function FirstCallGuide({ baseUrl }: { baseUrl: string }) {
  const quickStart = guides(baseUrl).find((g) => g.slug === "quickstart");
  const commands = quickStart?.blocks.flatMap((b) => (b.kind === "code" ? [b] : [])) ?? [];
  return (
    <Card className="space-y-4 p-5">
      <div className="space-y-1">
        <h2 id="first-call-title" className="text-lg font-semibold">
          Make your first call
        </h2>
        <p className="text-sm text-muted-foreground">
          1. <Link href="/dashboard/keys" className="font-medium text-primary underline underline-offset-2">Create an API key</Link>: a test key
          (<code>lg_test_...</code>) runs free on the built-in simulator. 2. Paste these commands in a shell, or try a model in the{" "}
          <Link href="/playground" className="font-medium text-primary underline underline-offset-2">playground</Link> first. The full walk-through is
          the <Link href="/docs/quickstart" className="font-medium text-primary underline underline-offset-2">quick start</Link>.
        </p>
      </div>
      {commands.map((block) => (
        <CodeBlock key={block.label} code={block.code} label={block.label} />
      ))}
    </Card>
  );
}
