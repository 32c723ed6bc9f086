import { describe, expect, it } from "vitest";
import { rolledName } from "./rolled-name";

const mar3 = new Date("2026-03-03T23:30:00Z");
const mar4 = new Date("2026-03-04T00:10:00Z");

describe("rolledName", () => {
  it.each([
    ["prod", mar3, "prod (rolled Mar 3)"],
    ["prod (rolled Mar 3)", mar4, "prod (rolled Mar 4)"],
    ["prod (rolled Mar 3)", mar3, "prod (rolled Mar 3 #2)"],
    ["prod (rolled Mar 3 #2)", mar3, "prod (rolled Mar 3 #3)"],
    ["prod (rolled Mar 3 #2)", mar4, "prod (rolled Mar 4)"],
    ["prod (rolled yesterday)", mar3, "prod (rolled yesterday) (rolled Mar 3)"],
  ])("%s rolled at %s is %s", (name, now, expected) => {
    expect(rolledName(name, now)).toBe(expected);
    expect(rolledName(name, now)).not.toBe(name);
  });

  it("stays within the name limit, keeping the suffix whole", () => {
    const long = "x".repeat(64);
    const once = rolledName(long, mar3);
    expect(once).toHaveLength(64);
    expect(once).toMatch(/^x+ \(rolled Mar 3\)$/);
    const twice = rolledName(once, mar3);
    expect(twice).toHaveLength(64);
    expect(twice).toMatch(/^x+ \(rolled Mar 3 #2\)$/);
  });
});
