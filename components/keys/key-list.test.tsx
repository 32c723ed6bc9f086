import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import type { KeyListEntry } from "@/lib/keys";
import { KeyList } from "./key-list";
import { type KeyServerActions, KeysUiProvider } from "./keys-ui";

const now = Date.UTC(2026, 2, 3, 12);
const day = 24 * 3600_000;
const unused = async () => ({ ok: false as const, error: "not in this test" });
const actions: KeyServerActions = { createKey: unused, updateKey: unused, revokeKey: unused, rollKey: unused };

function entry(overrides: Partial<KeyListEntry>): KeyListEntry {
  return {
    id: "key_a",
    name: "prod",
    mode: "live",
    start: "lg_live_v9mP",
    scopes: ["generate", "read"],
    ratePer10s: null,
    dailyCapMicros: null,
    expiresAt: null,
    revokedAt: null,
    lastUsedAt: null,
    createdAt: new Date(now - 2 * day),
    status: "active",
    replacedByStart: null,
    spentTodayMicros: 0,
    ...overrides,
  };
}

const render = (keys: KeyListEntry[]) =>
  renderToStaticMarkup(
    <KeysUiProvider actions={actions}>
      <KeyList keys={keys} now={now} />
    </KeysUiProvider>,
  );

describe("KeyList", () => {
  it("shows spend today, against the cap when there is one", () => {
    const html = render([
      entry({ id: "key_a", spentTodayMicros: 420_000 }),
      entry({ id: "key_b", name: "capped", spentTodayMicros: 35_000, dailyCapMicros: 5_000_000 }),
    ]);
    expect(html).toContain("$0.42 today");
    expect(html).toContain("$0.035 of $5.00 today");
  });

  it("marks a rolled key with its replacement and when it stops, with the exact time in the markup", () => {
    const expiresAt = new Date(now + 3 * day);
    const html = render([
      entry({ id: "key_new", name: "prod (rolled Mar 3)", start: "lg_live_N3wK" }),
      entry({ id: "key_old", status: "expiring", expiresAt, replacedByStart: "lg_live_N3wK" }),
    ]);
    expect(html).toContain('Replaced by <span class="font-mono">lg_live_N3wK…</span>, stops working');
    expect(html).toContain(`<time dateTime="${expiresAt.toISOString()}" title="Fri, Mar 6, 2026, 12:00 PM UTC">in 3 days<span class="sr-only"> (Fri, Mar 6, 2026, 12:00 PM UTC)</span></time>`);
  });

  it("hides revoked keys behind a toggle that counts them", () => {
    const html = render([
      entry({ id: "key_live" }),
      entry({ id: "key_gone1", name: "gone", status: "revoked", revokedAt: new Date(now - day) }),
      entry({ id: "key_gone2", name: "gone too", status: "revoked", revokedAt: new Date(now - day) }),
    ]);
    expect(html.match(/<li aria-labelledby="key_gone\d-name" hidden="">/g)).toHaveLength(2);
    expect(html).toContain('<li aria-labelledby="key_live-name">');
    expect(html).toMatch(/<button[^>]*aria-expanded="false" aria-controls="api-keys"[^>]*>.*Show 2 revoked keys<\/button>/);
    expect(html).not.toContain("No active keys");
  });

  it("says so when every key is revoked, and shows no toggle without revoked keys", () => {
    expect(render([entry({ status: "revoked", revokedAt: new Date(now - day) })])).toContain("No active keys");
    expect(render([entry({})])).not.toContain("revoked key");
  });

  it("names each action after its key", () => {
    const html = render([entry({})]);
    for (const action of ["Edit", "Roll", "Revoke"]) expect(html).toContain(`${action}<span class="sr-only"> prod</span>`);
  });
});
