import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseTheme, themeScript } from "./theme";

const css = readFileSync(path.join(process.cwd(), "app/globals.css"), "utf8");

/** The custom properties declared in the first rule whose selector is `selector`. */
function tokens(selector: string): Map<string, string> {
  const start = css.indexOf(`${selector} {`);
  expect(start, `${selector} in globals.css`).toBeGreaterThanOrEqual(0);
  const body = css.slice(start + selector.length + 2, css.indexOf("}", start));
  return new Map([...body.matchAll(/(--[\w-]+):\s*([^;]+);/g)].map((m) => [m[1]!, m[2]!.trim()]));
}

describe("globals.css theme selectors", () => {
  it("gives the chosen dark theme and the system's dark theme the same tokens", () => {
    const chosen = tokens('html[data-theme="dark"]');
    const system = tokens('html:not([data-theme="light"])');
    expect(chosen.size).toBeGreaterThan(10);
    expect(Object.fromEntries(system)).toEqual(Object.fromEntries(chosen));
  });

  it("overrides every light token in dark", () => {
    expect([...tokens('html[data-theme="dark"]').keys()].sort()).toEqual([...tokens(":root").keys()].sort());
  });

  it("sets color-scheme for each theme", () => {
    expect(css).toMatch(/:root \{\s*color-scheme: light;/);
    expect(css).toMatch(/html\[data-theme="dark"\] \{\s*color-scheme: dark;/);
    expect(css).toMatch(/html:not\(\[data-theme="light"\]\) \{\s*color-scheme: dark;/);
  });
});

describe("theme choice", () => {
  it.each([
    ["light", "light"],
    ["dark", "dark"],
    ["system", "system"],
    [null, "system"],
    ["DARK", "system"],
  ])("parses %s as %s", (stored, theme) => {
    expect(parseTheme(stored)).toBe(theme);
  });

  it("applies a stored choice to <html> before paint", () => {
    const root = { dataset: {} as Record<string, string> };
    const listeners: (() => void)[] = [];
    const metas = [{ content: "#fcfcfe", setAttribute(_: string, v: string) { this.content = v; } }];
    const run = new Function("localStorage", "document", themeScript);
    run(
      { getItem: () => "dark" },
      { documentElement: root, addEventListener: (_: string, fn: () => void) => listeners.push(fn), querySelectorAll: () => metas },
    );
    expect(root.dataset.theme).toBe("dark");
    listeners.forEach((fn) => fn());
    expect(metas[0]!.content).toBe("#16151c");
  });

  it("leaves <html> alone without a stored choice", () => {
    const root = { dataset: {} as Record<string, string> };
    new Function("localStorage", "document", themeScript)({ getItem: () => null }, { documentElement: root });
    expect(root.dataset.theme).toBeUndefined();
  });
});
