import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { CredentialView } from "@/lib/byok/view";
import { ProviderCredentials, type ProviderKeyActions } from "./provider-credentials";

const never = () => Promise.reject(new Error("not called while rendering"));
const actions: ProviderKeyActions = { save: never, recheck: never, remove: never, setFallback: never };
const now = Date.parse("2026-12-02T12:00:00Z");

const credentials: CredentialView[] = [
  {
    providerSlug: "black-forest-labs",
    providerName: "Black Forest Labs",
    credentialLabel: "API key",
    stored: {
      hint: "9c2f",
      checkedAt: "2026-12-02T11:57:00Z",
      checkOutcome: "no_credit",
      checkMessage: "Black Forest Labs answered 402: out of credit.",
      allowFallback: true,
      updatedAt: "2026-12-02T11:57:00Z",
    },
  },
  { providerSlug: "fal", providerName: "fal.ai", credentialLabel: "API key", stored: null },
];

describe("ProviderCredentials", () => {
  it("shows a stored key masked with its last check and fallback choice, and a form where there is none", () => {
    const html = renderToStaticMarkup(<ProviderCredentials credentials={credentials} actions={actions} now={now} />);
    expect(html).toContain("••••9c2f");
    expect(html).toContain("Out of credit");
    expect(html).toContain("3 minutes ago");
    expect(html).toContain("answered 402: out of credit.");
    expect(html).toMatch(/<input type="checkbox"[^>]*checked=""/);
    expect(html).toContain("Not set");
    expect(html).toMatch(/<input[^>]*type="password"[^>]*name="secret"|<input[^>]*name="secret"[^>]*type="password"/);
    expect(html).toContain("Check and save");
  });
});
