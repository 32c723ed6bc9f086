import type { ExampleImage } from "@/lib/catalog/examples";
import { familyExample, familyStatus, type FamilySummary } from "@/lib/catalog/families";
import type { ServingStatus } from "@/lib/catalog/serving";
import { FamilyCard } from "./family-card";

/** `statuses` and `examples` come from one call each for the whole page, keyed by variant slug. */
export function FamilyGrid({
  families,
  statuses,
  examples,
  headingLevel,
}: {
  families: FamilySummary[];
  statuses: ReadonlyMap<string, ServingStatus>;
  examples: ReadonlyMap<string, ExampleImage>;
  headingLevel?: "h2" | "h3";
}) {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {families.map((family) => (
        <li key={family.slug}>
          <FamilyCard
            family={family}
            status={familyStatus(family, statuses)}
            example={familyExample(family, examples)}
            headingLevel={headingLevel}
          />
        </li>
      ))}
    </ul>
  );
}
