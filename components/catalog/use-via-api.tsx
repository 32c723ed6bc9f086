import Link from "next/link";
import { CodeBlock } from "@/components/ui/code-block";
import { Tabs, TabsContent, TabsList, TabsTrigger } from "@/components/ui/tabs";
import type { VariantView } from "@/lib/catalog/types";
import { buildApiExamples, KEY_PLACEHOLDER, sdkSizes } from "./api-examples";
import { sampleImageUrl } from "./sample-input";

const languages = [
  { value: "curl", label: "curl", copyLabel: "curl example" },
  { value: "python", label: "Python", copyLabel: "Python example" },
  { value: "javascript", label: "JavaScript", copyLabel: "JavaScript example" },
] as const;

const codeClass = "font-mono text-[0.9em] text-foreground";
const linkClass = "font-medium text-foreground underline underline-offset-2";

export function UseViaApi({ variant, baseUrl }: { variant: VariantView; baseUrl: string }) {
  const examples = buildApiExamples(variant, baseUrl);
  const takesImages = variant.task !== "text_to_image";
  const sizes = sdkSizes(variant);
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
          Replace <code className={codeClass}>{KEY_PLACEHOLDER}</code> with one of your keys. A test key runs every
          sample free on the built-in simulator, which answers with placeholder images.
        </p>
        <p>
          <strong className="font-medium text-foreground">Task API (curl).</strong>{" "}
          <code className={codeClass}>createTask</code> answers at once with a task id; the script then asks{" "}
          <code className={codeClass}>recordInfo</code> every 3 seconds until the state is{" "}
          <code className={codeClass}>success</code> (the image URLs are in <code className={codeClass}>resultJson</code>) or{" "}
          <code className={codeClass}>fail</code>. Add a <code className={codeClass}>callBackUrl</code> to the body to
          have the finished task posted to you instead.
          {takesImages && (
            <>
              {" "}
              The sample sends this instance&apos;s own picture,{" "}
              <a href={sampleImageUrl(baseUrl)} className="font-medium text-foreground underline underline-offset-2">
                samples/input.jpg
              </a>
              ; any public image URL works.
            </>
          )}
        </p>
        <p>
          <strong className="font-medium text-foreground">OpenAI SDKs (Python, JavaScript).</strong> Point the official
          SDK at Lumigate and it waits for the image for you; only <code className={codeClass}>model</code> changes
          between models.{" "}
          {takesImages ? (
            <>
              This model works from an image, so the samples call <code className={codeClass}>images.edit</code> with a
              local file: download the sample picture first, or use your own.
            </>
          ) : sizes.length > 0 ? (
            <>
              <code className={codeClass}>size</code> chooses the shape; this model renders{" "}
              {sizes.map((size, i) => (
                <span key={size}>
                  {i > 0 && ", "}
                  <code className={codeClass}>{size}</code>
                </span>
              ))}
              .
            </>
          ) : null}
        </p>
        <p>
          More in the docs: the <Link href="/docs/quickstart" className={linkClass}>quick start</Link>, the{" "}
          <Link href="/docs/tasks" className={linkClass}>task lifecycle</Link>,{" "}
          <Link href="/docs/callbacks" className={linkClass}>verifying callbacks</Link>,{" "}
          <Link href="/docs/errors" className={linkClass}>errors</Link> and the full{" "}
          <Link href="/docs/api" className={linkClass}>API reference</Link>.
        </p>
      </div>
    </div>
  );
}
