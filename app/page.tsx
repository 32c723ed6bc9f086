import { ArrowRight, KeyRound, Server, ShieldCheck, Wallet } from "lucide-react";
import Link from "next/link";
import { connection } from "next/server";
import { creditsLabel } from "@/components/catalog/credits-label";
import { sampleInput } from "@/components/catalog/sample-input";
import { VariantGrid } from "@/components/catalog/variant-grid";
import { requestBaseUrl } from "@/components/site/request-base-url";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { featuredVariants, formatUsd, MICROS_PER_CREDIT } from "@/lib/catalog";
import { servingStatus } from "@/lib/catalog/serving";
import { signupGrantMicros } from "@/lib/env";
import { readVariantStats } from "@/lib/stats";

const benefits = [
  {
    icon: Wallet,
    title: "One prepaid balance",
    body: "Top up once and every model draws from the same balance, priced per image. No subscriptions, no minimum spend.",
  },
  {
    icon: KeyRound,
    title: "One key, one request shape",
    body: "The same API key and the same JSON body work for every model. To switch models, change the model field.",
  },
  {
    icon: ShieldCheck,
    title: "Failed generations are free",
    body: "The price is held when a job starts and charged only when an image comes back. Failures release the hold.",
  },
  {
    icon: Server,
    title: "Yours to run",
    body: "Self-host the whole gateway on one machine, or scale it out over a shared Postgres when traffic grows.",
  },
];

const comingSoon = [
  { title: "Playground", body: "Run one prompt across several models side by side and keep the best result." },
  { title: "Card top-ups", body: "Add credit to your balance by card, through Stripe." },
  { title: "Usage charts", body: "Spend per model, per key and per day, request by request." },
];

export default async function HomePage() {
  await connection();
  const featured = await featuredVariants(6);
  const [statuses, figures, baseUrl] = await Promise.all([
    servingStatus(featured),
    readVariantStats(featured.map((v) => v.slug)),
    requestBaseUrl(),
  ]);
  // A prompt-only request reads best in the hero; any featured model will do when none is.
  const example = featured.find((v) => v.task === "text_to_image") ?? featured[0];
  const exampleBody = example && JSON.stringify({ model: example.slug, input: sampleInput(example, baseUrl) }, null, 2);

  return (
    <>
      <section className="border-b bg-gradient-to-b from-accent/60 to-background">
        <div className="mx-auto grid max-w-6xl gap-10 px-4 py-16 sm:px-6 lg:grid-cols-[1.1fr_1fr] lg:items-center lg:py-24">
          <div className="space-y-6">
            <p className="text-sm font-medium text-accent-foreground">Pay-as-you-go image generation</p>
            <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">
              Every image model behind one API key
            </h1>
            <p className="max-w-xl text-lg text-pretty text-muted-foreground">
              Lumigate gives you one account, one prepaid balance and one request shape for FLUX.2, GPT Image,
              Ideogram, Qwen Image and more. You pay per image, and a generation that fails costs nothing.
            </p>
            <div className="flex flex-wrap gap-3">
              <Link href="/sign-up" className={buttonVariants({ size: "lg" })}>
                {signupGrantMicros > 0 ? `Sign up for ${formatUsd(signupGrantMicros)} free credit` : "Create an account"}
                <ArrowRight aria-hidden />
              </Link>
              <Link href="/models" className={buttonVariants({ variant: "outline", size: "lg" })}>
                Browse models
              </Link>
            </div>
            {example && (
              <Link
                href={`/models/${example.slug}#api`}
                className="inline-flex items-center gap-1 rounded-sm text-sm font-medium text-primary hover:underline"
              >
                See an API example
                <ArrowRight aria-hidden className="size-4" />
              </Link>
            )}
          </div>

          {example && (
            <figure className="overflow-hidden rounded-xl border bg-code text-code-foreground shadow-lg">
              <figcaption className="border-b border-white/10 px-4 py-2 text-xs text-code-foreground/70">
                The same request for every model
              </figcaption>
              <pre tabIndex={0} className="overflow-x-auto p-4 font-mono text-[13px] leading-relaxed">
                <code>
                  {`POST /api/v1/jobs/createTask
Authorization: Bearer lg_live_...

${exampleBody}`}
                </code>
              </pre>
            </figure>
          )}
        </div>
      </section>

      <div className="mx-auto max-w-6xl space-y-20 px-4 py-16 sm:px-6">
        <section aria-labelledby="why-title" className="space-y-8">
          <h2 id="why-title" className="text-2xl font-semibold tracking-tight">
            Why Lumigate
          </h2>
          <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
            {benefits.map(({ icon: Icon, title, body }) => (
              <li key={title} className="space-y-2 rounded-xl border bg-card p-5">
                <Icon aria-hidden className="size-5 text-primary" />
                <h3 className="font-semibold">{title}</h3>
                <p className="text-sm text-muted-foreground">{body}</p>
              </li>
            ))}
          </ul>
        </section>

        {featured.length > 0 && (
          <section aria-labelledby="featured-title" className="space-y-6">
            <div className="flex flex-wrap items-end justify-between gap-3">
              <div className="space-y-1">
                <h2 id="featured-title" className="text-2xl font-semibold tracking-tight">
                  Featured models
                </h2>
                <p className="text-sm text-muted-foreground">
                  Prices are per image. One credit is {formatUsd(MICROS_PER_CREDIT)}
                  {example && `, so ${formatUsd(example.priceMicros)} is ${creditsLabel(example.priceMicros)}`}.
                </p>
              </div>
              <Link
                href="/models"
                className="inline-flex items-center gap-1 rounded-sm text-sm font-medium text-primary hover:underline"
              >
                All models
                <ArrowRight aria-hidden className="size-4" />
              </Link>
            </div>
            <VariantGrid variants={featured} statuses={statuses} figures={figures} headingLevel="h3" />
          </section>
        )}

        <section aria-labelledby="soon-title" className="space-y-6">
          <div className="space-y-1">
            <h2 id="soon-title" className="text-2xl font-semibold tracking-tight">
              On the way
            </h2>
            <p className="text-sm text-muted-foreground">Not available yet; these are what we are building next.</p>
          </div>
          <ul className="grid gap-4 md:grid-cols-3">
            {comingSoon.map(({ title, body }) => (
              <li key={title} className="space-y-2 rounded-xl border border-dashed p-5">
                <div className="flex flex-wrap items-center gap-2">
                  <h3 className="font-semibold">{title}</h3>
                  <Badge>Coming soon</Badge>
                </div>
                <p className="text-sm text-muted-foreground">{body}</p>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </>
  );
}
