import { ChevronDown } from "lucide-react";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { formatUsd } from "@/lib/catalog";
import type { VariantView } from "@/lib/catalog/types";
import { creditsLabel } from "./credits-label";

const codeClass = "rounded bg-muted px-1 py-0.5 font-mono text-[13px] text-foreground";

function FaqItem({ question, children }: { question: string; children: ReactNode }) {
  return (
    <details className="group border-b last:border-b-0">
      <summary className="flex cursor-pointer list-none items-center justify-between gap-4 rounded-md py-4 font-medium [&::-webkit-details-marker]:hidden">
        <span>{question}</span>
        <ChevronDown aria-hidden className="size-4 shrink-0 text-muted-foreground transition-transform group-open:rotate-180" />
      </summary>
      <div className="space-y-2 pb-4 text-sm leading-relaxed text-muted-foreground">{children}</div>
    </details>
  );
}

/** Questions answered with native disclosure widgets: keyboard operable and readable without JS. */
export function ModelFaq({ variant }: { variant: VariantView }) {
  const name = variant.displayName;
  const otherNames = variant.aliases.filter((alias) => alias !== variant.slug);
  return (
    <Card className="px-4">
      <FaqItem question={`How much does ${name} cost?`}>
        <p>
          {formatUsd(variant.priceMicros)} per image ({creditsLabel(variant.priceMicros)}), taken from your prepaid
          Lumigate balance. There is no subscription and no minimum spend.
        </p>
      </FaqItem>
      <FaqItem question="Am I charged when a generation fails?">
        <p>
          No. The price is set aside when the job starts and only charged once an image comes back. If the
          generation fails or is refused by moderation, the hold is released and your balance is as it was.
        </p>
      </FaqItem>
      <FaqItem question="Is there a rate limit?">
        <p>
          Each API key can send 20 requests in any 10-second window. Past that the API answers with HTTP 429; wait a
          moment and send the request again.
        </p>
      </FaqItem>
      <FaqItem question={`How do I call ${name} from my code?`}>
        <p>
          Send a POST to <code className={codeClass}>/api/v1/jobs/createTask</code> with your key as a Bearer token and{" "}
          <code className={codeClass}>model</code> set to <code className={codeClass}>{variant.slug}</code>, then poll
          for the result. If you already use the OpenAI SDK, change its base URL to Lumigate and call{" "}
          <code className={codeClass}>images.generate</code>. Both are shown in{" "}
          <a href="#api" className="font-medium text-foreground underline underline-offset-2">
            Use via API
          </a>
          .
        </p>
      </FaqItem>
      <FaqItem question="Which model names does it answer to?">
        {otherNames.length === 0 ? (
          <p>
            Only its ID, <code className={codeClass}>{variant.slug}</code>.
          </p>
        ) : (
          <>
            <p>
              Its ID, <code className={codeClass}>{variant.slug}</code>, and these aliases, which work anywhere a
              model name is expected:
            </p>
            <ul className="flex flex-wrap gap-2">
              {otherNames.map((alias) => (
                <li key={alias}>
                  <code className={codeClass}>{alias}</code>
                </li>
              ))}
            </ul>
          </>
        )}
      </FaqItem>
    </Card>
  );
}
