import { z } from "zod";
import { Modality, ModelTask } from "@/lib/db/generated/enums";
import { parseUsdToMicros } from "./pricing";
import { catalogSorts, type CatalogFilters } from "./types";

// Search params come from URLs people edit by hand: a bad value is dropped, never an error page.

type SearchParams = Record<string, string | string[] | undefined>;

const firstValue = (v: unknown) => (Array.isArray(v) ? v[0] : v);

function lenient<T extends z.ZodType>(schema: T) {
  return z.preprocess(firstValue, schema.optional()).catch(undefined);
}

const usd = z.string().transform((text, ctx) => {
  const micros = parseUsdToMicros(text);
  if (micros === null) {
    ctx.addIssue({ code: "custom", message: "not a dollar amount" });
    return z.NEVER;
  }
  return micros;
});

const catalogSearchParams = z.object({
  q: lenient(z.string().trim().min(1).max(200)),
  provider: lenient(z.string().trim().toLowerCase().regex(/^[a-z0-9][a-z0-9.-]*$/).max(100)),
  modality: lenient(z.enum(Modality)),
  // The hyphenated form is what people type and what slugs use.
  task: lenient(
    z
      .string()
      .trim()
      .toLowerCase()
      .transform((t) => t.replaceAll("-", "_"))
      .pipe(z.enum(ModelTask)),
  ),
  min: lenient(usd),
  max: lenient(usd),
  sort: lenient(z.enum(catalogSorts)),
});

export function parseCatalogFilters(params: SearchParams): CatalogFilters {
  const { min, max, ...rest } = catalogSearchParams.parse(params);
  return { ...rest, minPriceMicros: min, maxPriceMicros: max };
}
