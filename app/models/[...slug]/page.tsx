import type { Metadata } from "next";
import { notFound, permanentRedirect } from "next/navigation";
import type { ReactNode } from "react";
import { ByokFeeNote } from "@/components/byok/byok-fee-note";
import { LatencyByDay } from "@/components/catalog/latency-by-day";
import { creditsLabel } from "@/components/catalog/credits-label";
import { ModelFaq } from "@/components/catalog/model-faq";
import { ModelHeader } from "@/components/catalog/model-header";
import { ParametersTable } from "@/components/catalog/parameters-table";
import { UnpinExampleButton } from "@/components/catalog/pin-example";
import { PricingCompare } from "@/components/catalog/pricing-compare";
import { TierPrices } from "@/components/catalog/tier-prices";
import { UseViaApi } from "@/components/catalog/use-via-api";
import { VariantGrid } from "@/components/catalog/variant-grid";
import { modalityLabels, taskLabels } from "@/components/catalog/variant-labels";
import { requestBaseUrl } from "@/components/site/request-base-url";
import { getCurrentUser } from "@/lib/auth";
import { pricingModel, topUpFeePercent } from "@/lib/billing/pricing-model";
import { monthSpendMicros } from "@/lib/billing/tier-status";
import { byokUpstreamsFor } from "@/lib/byok";
import { formatUsd, getVariants, variantExamples } from "@/lib/catalog";
import { servingStatus } from "@/lib/catalog/serving";
import { env } from "@/lib/env";
import { readVariantStats } from "@/lib/stats";
import { unpinExampleAction } from "./actions";
import { loadVariant, slugOf } from "./load";

type Props = { params: Promise<{ slug: string[] }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await loadVariant(await slugOf(params));
  if (!found) return { title: "Model not found" };
  const { variant } = found;
  return {
    title: `${variant.displayName}: price and API`,
    description: `${variant.displayName} by ${variant.provider.name}: ${formatUsd(variant.priceMicros)} per image (${creditsLabel(variant.priceMicros)}), ${taskLabels[variant.task].toLowerCase()}, through one Lumigate API key.`,
    alternates: { canonical: `/models/${variant.slug}` },
  };
}

const sections = [
  { id: "overview", title: "Overview" },
  { id: "performance", title: "Performance" },
  { id: "parameters", title: "Parameters" },
  { id: "api", title: "Use via API" },
  { id: "pricing", title: "Pricing" },
  { id: "related", title: "Related models" },
  { id: "faq", title: "FAQ" },
] as const;

type SectionId = (typeof sections)[number]["id"];

function Section({ id, intro, children }: { id: SectionId; intro?: ReactNode; children: ReactNode }) {
  const title = sections.find((s) => s.id === id)?.title;
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="space-y-4">
      <div className="space-y-1">
        <h2 id={`${id}-title`} className="text-xl font-semibold tracking-tight">
          {title}
        </h2>
        {intro && <p className="text-sm text-muted-foreground">{intro}</p>}
      </div>
      {children}
    </section>
  );
}

export default async function ModelPage({ params }: Props) {
  const slug = await slugOf(params);
  const found = await loadVariant(slug);
  // The layout adds the closest models to this 404.
  if (!found) notFound();
  const { variant } = found;
  // An alias, another case, spaces or a `models/` prefix: one canonical URL per model.
  if (slug !== variant.slug) permanentRedirect(`/models/${variant.slug}`);

  const related = variant.relatedSlugs.length > 0 ? await getVariants(variant.relatedSlugs) : [];
  const [statuses, figures, baseUrl, byokUpstreams, user, examples] = await Promise.all([
    servingStatus([variant, ...related]),
    readVariantStats([variant.slug, ...related.map((v) => v.slug)]),
    requestBaseUrl(),
    byokUpstreamsFor(variant.slug),
    getCurrentUser(),
    variantExamples([variant.slug]),
  ]);
  const accountSpentMicros = user ? await monthSpendMicros(user.accountId) : null;
  const example = examples.get(variant.slug) ?? null;
  const ownFigures = figures.get(variant.slug) ?? null;
  const shownSections = sections.filter((s) => s.id !== "related" || related.length > 0);

  const facts: [string, ReactNode][] = [
    ["Provider", variant.provider.name],
    ["Family", variant.family.name],
    ["Modality", modalityLabels[variant.modality]],
    ["Task", taskLabels[variant.task]],
    ["Resolution tier", variant.resolutionTier ?? "Not tiered"],
    ["Billing", "Per image"],
  ];

  return (
    <>
      <ModelHeader
        variant={variant}
        status={statuses.get(variant.slug)}
        figures={ownFigures}
        figuresAt={new Date()}
        example={example}
        isSignedIn={user !== null}
        exampleActions={
          example && user?.role === "admin" ? (
            <UnpinExampleButton run={unpinExampleAction} variantSlug={variant.slug} variantName={variant.displayName} />
          ) : undefined
        }
        priceNote={<ByokFeeNote priceMicros={variant.priceMicros} feePercent={env.BYOK_FEE_PERCENT} upstreams={byokUpstreams} />}
      />

      <div className="mx-auto max-w-6xl px-4 sm:px-6">
        <nav aria-label="On this page" className="-mx-4 overflow-x-auto border-b px-4 sm:mx-0 sm:px-0">
          <ul className="flex gap-1 py-2 text-sm whitespace-nowrap">
            {shownSections.map((s) => (
              <li key={s.id}>
                <a
                  href={`#${s.id}`}
                  className="inline-block rounded-md px-3 py-1.5 text-muted-foreground hover:bg-muted hover:text-foreground"
                >
                  {s.title}
                </a>
              </li>
            ))}
          </ul>
        </nav>

        <div className="space-y-14 py-10">
          <Section id="overview">
            <div className="grid gap-8 lg:grid-cols-[1fr_20rem]">
              <div className="space-y-4 leading-relaxed">
                {variant.description.split(/\n{2,}/).map((paragraph) => (
                  <p key={paragraph}>{paragraph}</p>
                ))}
                {variant.useCases.length > 0 && (
                  <div>
                    <h3 className="mb-2 text-sm font-semibold">Good for</h3>
                    <ul className="flex flex-wrap gap-2">
                      {variant.useCases.map((useCase) => (
                        <li key={useCase} className="rounded-full border bg-card px-3 py-1 text-sm">
                          {useCase}
                        </li>
                      ))}
                    </ul>
                  </div>
                )}
              </div>
              <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2 self-start rounded-xl border bg-card p-4 text-sm">
                {facts.map(([term, detail]) => (
                  <div key={term} className="contents">
                    <dt className="text-muted-foreground">{term}</dt>
                    <dd className="font-medium">{detail}</dd>
                  </div>
                ))}
              </dl>
            </div>
          </Section>

          <Section
            id="performance"
            intro={
              ownFigures &&
              `Median time from submission upstream to result, per UTC day over the last 7 days, across all accounts.${ownFigures.isSimulated ? " These runs were served by the built-in simulator, not a real upstream provider." : ""}`
            }
          >
            <LatencyByDay figures={ownFigures} />
          </Section>

          <Section
            id="parameters"
            intro={
              <>
                Fields of <code className="font-mono text-[13px]">input</code> in a task request. Anything not listed
                is rejected; omitted fields take their default.
              </>
            }
          >
            <ParametersTable parameters={variant.parameters} />
          </Section>

          <Section id="api" intro="One key and one request shape for every model in the catalog. Create a key in your dashboard after signing up.">
            <UseViaApi variant={variant} baseUrl={baseUrl} />
          </Section>

          <Section id="pricing" intro="What one image costs, here and elsewhere.">
            <PricingCompare variant={variant} />
            <TierPrices variant={variant} pricingModel={pricingModel()} feePercent={topUpFeePercent()} accountSpentMicros={accountSpentMicros} />
          </Section>

          {related.length > 0 && (
            <Section id="related">
              <VariantGrid variants={related} statuses={statuses} figures={figures} headingLevel="h3" />
            </Section>
          )}

          <Section id="faq">
            <ModelFaq
              variant={variant}
              facts={{ taskDeadlineMinutes: Math.round(env.TASK_DEADLINE_SEC / 60), mediaRetentionDays: env.MEDIA_RETENTION_DAYS }}
            />
          </Section>
        </div>
      </div>
    </>
  );
}
