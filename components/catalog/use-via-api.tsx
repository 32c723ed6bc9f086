import { CodeBlock } from "@/components/ui/code-block";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { VariantView } from "@/lib/catalog/types";
import { buildApiExamples } from "./api-examples";

const languages = [
  { value: "curl", label: "curl", copyLabel: "curl example" },
  { value: "python", label: "Python", copyLabel: "Python example" },
  { value: "javascript", label: "JavaScript", copyLabel: "JavaScript example" },
] as const;

export function UseViaApi({ variant, baseUrl }: { variant: VariantView; baseUrl: string }) {
  const examples = buildApiExamples(variant, baseUrl);
  return (
    <div className="space-y-4">
      <Tabs defaultValue="curl">
        <TabsList aria-label="Example language">
          {languages.map((l) => (
            <TabsTrigger key={l.value} value={l.value}>
              {l.label}
            </TabsTrigger>
          ))}
        </TabsList>
        {languages.map((l) => (
          <TabsContent key={l.value} value={l.value}>
            <CodeBlock code={examples[l.value]} label={l.copyLabel} />
          </TabsContent>
        ))}
      </Tabs>
      <div className="space-y-2 text-sm text-muted-foreground">
        <p>
          <strong className="font-medium text-foreground">Task API (curl).</strong>{" "}
          <code className="font-mono text-[0.9em] text-foreground">createTask</code> answers at once with a task id. Ask{" "}
          <code className="font-mono text-[0.9em] text-foreground">/api/v1/jobs/recordInfo?taskId=…</code> every few seconds until the state is{" "}
          <code className="font-mono text-[0.9em] text-foreground">success</code> (the image URLs are in{" "}
          <code className="font-mono text-[0.9em] text-foreground">resultJson</code>) or <code className="font-mono text-[0.9em] text-foreground">fail</code>, or pass a{" "}
          <code className="font-mono text-[0.9em] text-foreground">callBackUrl</code> and get the result posted to you.
        </p>
        <p>
          <strong className="font-medium text-foreground">OpenAI SDKs (Python, JavaScript).</strong> Point the official
          SDK at Lumigate and it waits for the image for you; only <code className="font-mono text-[0.9em] text-foreground">model</code>{" "}
          changes between models.
          {variant.task !== "text_to_image" &&
            " This endpoint takes a prompt only; send input images through the task API."}
        </p>
      </div>
    </div>
  );
}
