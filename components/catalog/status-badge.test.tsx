import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { ServingStatus } from "@/lib/catalog/serving";
import { StatusBadge } from "./status-badge";

describe("StatusBadge", () => {
  it.each<[ServingStatus, string, RegExp]>([
    ["operational", "Operational", /real upstream provider/],
    ["simulated", "Simulated", /placeholder images from the built-in simulator/],
    ["degraded", "Degraded", /recent requests .* failed/],
    ["maintenance", "Maintenance", /code 455/],
    ["disabled", "Disabled", /code 505/],
  ])("%s: says %s and explains it in the tooltip and to screen readers", (status, label, explanation) => {
    const html = renderToStaticMarkup(<StatusBadge status={status} />);
    expect(html).toContain(`data-status="${status}"`);
    expect(html).toMatch(new RegExp(`</span>${label}<span class="sr-only">\\. `));
    expect(/title="([^"]*)"/.exec(html)?.[1]).toMatch(explanation);
    expect(/class="sr-only">([^<]*)</.exec(html)?.[1]).toMatch(explanation);
  });

  it.each<ServingStatus>(["operational", "degraded", "disabled"])("%s: keeps the label in the text colour, whose contrast on the tint passes AA", (status) => {
    const badgeClass = /^<span class="([^"]*)"/.exec(renderToStaticMarkup(<StatusBadge status={status} />))?.[1] ?? "";
    expect(badgeClass.split(" ")).toContain("text-foreground");
    expect(badgeClass).not.toMatch(/text-(success|warning|danger)\b/);
  });
});
