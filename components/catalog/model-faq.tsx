import { ChevronDown } from "lucide-react";
import type { ReactNode } from "react";
import { Card } from "@/components/ui/card";
import { formatUsd } from "@/lib/catalog";
import type { VariantView } from "@/lib/catalog/types";
import { DEFAULT_RATE_PER_10S } from "@/lib/keys/limits";
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

export type FaqFacts = {
  /** TASK_DEADLINE_SEC in minutes: past it, a task still in flight is failed and not charged. */
  taskDeadlineMinutes: number;
  /** MEDIA_RETENTION_DAYS: how long result images stay downloadable. */
  mediaRetentionDays: number;
};

/** The shortest aliases the FAQ names; the rest are counted. */
const SHOWN_ALIASES = 3;

const failCodes = ["moderated", "generation_failed", "upstream_error", "timeout", "canceled", "rejected"];

const responseCodes: [number, string][] = [
  [401, "missing, wrong or revoked key"],
  [402, "not enough balance, or a spend cap reached"],
  [404, "no such model or task"],
  [422, "invalid input; the message names every bad field"],
  [429, "rate limited, or too many tasks in flight; retry after a moment"],
  [433, "this key's own daily spend cap reached"],
  [455, "the model is under maintenance"],
  [505, "the model is disabled on this gateway"],
];

function Codes({ names }: { names: readonly string[] }) {
  return names.map((name, i) => (
    <span key={name}>
      {i > 0 && ", "}
      <code className={codeClass}>{name}</code>
    </span>
  ));
}

/** Questions answered with native disclosure widgets: keyboard operable and readable without JS. */
export function ModelFaq({ variant, facts }: { variant: VariantView; facts: FaqFacts }) {
  const name = variant.displayName;
  // Shortest first: the long legacy slugs of older catalogs still resolve but are not worth reading.
  const otherNames = variant.aliases.filter((alias) => alias !== variant.slug).sort((a, b) => a.length - b.length || a.localeCompare(b));
  const shownNames = otherNames.slice(0, SHOWN_ALIASES);
  const shortAlias = otherNames[0];
  const sdkCall = variant.task === "text_to_image" ? "images.generate" : "images.edit";
  return (
    <Card className="px-4">
      <FaqItem question={`How much does ${name} cost?`}>
        <p>
          {formatUsd(variant.priceMicros)} per image ({creditsLabel(variant.priceMicros)}), taken from your prepaid
          Lumigate balance when you use a live key. There is no subscription and no minimum spend.
        </p>
      </FaqItem>
      <FaqItem question="Am I charged when a generation fails?">
        <p>
          No, a failed generation costs nothing. On a live key the price is set aside when the task is created and
          only charged once the image is stored. If the generation fails, is blocked by moderation, is cancelled or is
          still unfinished after {facts.taskDeadlineMinutes} minutes, the hold is released and your balance is as it
          was.
        </p>
      </FaqItem>
      <FaqItem question="Can I try it without paying?">
        <p>
          Yes. Test keys, which you create in the dashboard like live ones, are never charged: their tasks run on the
          built-in simulator and come back with placeholder images, so they suit development and CI. Live keys reach
          the real model.
        </p>
      </FaqItem>
      <FaqItem question="How do I know when my image is ready?">
        <p>
          Poll <code className={codeClass}>/api/v1/jobs/recordInfo?taskId=…</code> every 2 to 3 seconds. Its{" "}
          <code className={codeClass}>state</code> goes from <code className={codeClass}>waiting</code> (accepted by
          Lumigate) to <code className={codeClass}>queuing</code> (accepted by the upstream) and{" "}
          <code className={codeClass}>generating</code>, and ends as <code className={codeClass}>success</code>, with the
          image URLs in <code className={codeClass}>resultJson</code>, or <code className={codeClass}>fail</code>, with{" "}
          <code className={codeClass}>failCode</code> (<Codes names={failCodes} />) and a readable{" "}
          <code className={codeClass}>failMsg</code>. Images stay downloadable for {facts.mediaRetentionDays} days.
        </p>
        <p>
          Or send a <code className={codeClass}>callBackUrl</code> with the task: when it ends, Lumigate POSTs the same{" "}
          <code className={codeClass}>data</code> that recordInfo returns, signed with the Standard Webhooks headers (
          <code className={codeClass}>webhook-id</code>, <code className={codeClass}>webhook-timestamp</code>,{" "}
          <code className={codeClass}>webhook-signature</code>). Until your server answers with a 2xx it retries with growing gaps for
          about a day; a <code className={codeClass}>410</code> stops it.
        </p>
      </FaqItem>
      <FaqItem question="What do the response codes mean?">
        <p>
          Every task API answer carries a <code className={codeClass}>code</code> in its body;{" "}
          <code className={codeClass}>200</code> means the request was accepted. Otherwise:
        </p>
        <ul className="grid gap-1 sm:grid-cols-2">
          {responseCodes.map(([code, meaning]) => (
            <li key={code}>
              <code className={codeClass}>{code}</code> {meaning}
            </li>
          ))}
        </ul>
        <p>
          A callback for a failed task carries <code className={codeClass}>501</code>.
        </p>
      </FaqItem>
      <FaqItem question="Is there a rate limit?">
        <p>
          Each API key can send {DEFAULT_RATE_PER_10S} requests in any 10-second window unless it was created with a
          limit of its own, and each account has a cap on tasks in flight at once. Past either, the API answers with{" "}
          <code className={codeClass}>429</code> and a <code className={codeClass}>Retry-After</code> header; wait that
          long and send the request again.
        </p>
      </FaqItem>
      <FaqItem question={`How do I call ${name} from my code?`}>
        <p>
          Send a POST to <code className={codeClass}>/api/v1/jobs/createTask</code> with your key as a Bearer token and{" "}
          <code className={codeClass}>model</code> set to <code className={codeClass}>{variant.slug}</code>
          {shortAlias && (
            <>
              {" "}
              (or its short alias <code className={codeClass}>{shortAlias}</code>)
            </>
          )}
          , then poll
          for the result. If you already use the OpenAI SDK, change its base URL to Lumigate and call{" "}
          <code className={codeClass}>{sdkCall}</code>. Both are shown in{" "}
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
              {shownNames.map((alias) => (
                <li key={alias}>
                  <code className={codeClass}>{alias}</code>
                </li>
              ))}
            </ul>
            {otherNames.length > shownNames.length && (
              <p>
                It also answers to {otherNames.length - shownNames.length} longer{" "}
                {otherNames.length - shownNames.length === 1 ? "name" : "names"} from older catalogs, so existing links and
                code keep working.
              </p>
            )}
          </>
        )}
      </FaqItem>
    </Card>
  );
}
