import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "@/lib/db/embedded";
import type { UpstreamProtocol } from "@/lib/providers/types";
import { simulatorBaseUrls, startSimulator, type Simulator } from "@/lib/simulator";
import { checkCredential } from "./check";

// The check-on-save call of every upstream, against the simulator, which refuses `bad-` (401),
// `broke-` (402) and `locked-` (403) credentials and logs the credential of every request.
let sim: Simulator;
beforeAll(async () => {
  sim = await startSimulator({ speed: 50 });
});
afterAll(() => sim.stop());

const protocols: UpstreamProtocol[] = ["bfl", "fal", "replicate", "openai"];
const check = (protocol: UpstreamProtocol, credential: string, baseUrl = simulatorBaseUrls(sim.url)[protocol]) =>
  checkCredential({ protocol, simulated: true, endpoint: { baseUrl, credential } }, "Upstream");

describe("checkCredential", () => {
  it.each(protocols)("%s: a good credential is accepted, with its request logged under it", async (protocol) => {
    const credential = `good-${protocol}-0001`;
    expect(await check(protocol, credential)).toEqual({ outcome: "ok", message: "Upstream accepted it." });
    const logged = sim.requests().filter((r) => r.credential === credential);
    expect(logged).toEqual([expect.objectContaining({ protocol, method: "GET", credential })]);
  });

  it.each(protocols)("%s: bad- is refused (401), locked- refused (403), broke- out of credit (402)", async (protocol) => {
    expect(await check(protocol, `bad-${protocol}-0001`)).toEqual({
      outcome: "refused",
      message: "Upstream answered 401: Invalid credentials: this key does not exist or was revoked.",
    });
    expect(await check(protocol, `locked-${protocol}-0001`)).toMatchObject({ outcome: "refused", message: expect.stringMatching(/^Upstream answered 403/) });
    expect(await check(protocol, `broke-${protocol}-0001`)).toEqual({
      outcome: "no_credit",
      message: "Upstream answered 402: Insufficient credit: top up this account to continue. The key works, but its Upstream account is out of credit.",
    });
  });

  it("an upstream that does not answer is inconclusive, not a refusal", async () => {
    const nowhere = `http://127.0.0.1:${await freePort()}`;
    expect(await check("bfl", "good-0001", nowhere)).toMatchObject({ outcome: "inconclusive", message: expect.stringMatching(/^Could not check it: Upstream unreachable/) });
  });

  it("an answer that is neither acceptance nor refusal is inconclusive", async () => {
    expect(await check("openai", "good-0001", `${sim.url}/nowhere`)).toMatchObject({ outcome: "inconclusive", message: expect.stringMatching(/answered 404/) });
  });
});
