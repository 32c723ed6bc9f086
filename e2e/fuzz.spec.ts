import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";

// Every route and server action in app/, sent what a client may choose to send: NUL bytes,
// malformed percent-encoding, bodies that are not JSON, empty, huge, or from another origin. None
// may answer 5xx. Routes are read from the file tree and actions from the build, so new ones are
// fuzzed without editing this file.

const appDir = path.resolve("app");

/** URL paths of app/'s pages and route handlers, dynamic segments filled with a plausible value. */
function appPaths(): string[] {
  const found: string[] = [];
  const walk = (dir: string, segments: string[]) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) {
        const name = entry.name;
        const segment = /^\(.*\)$/.test(name) ? null : name.replace(/^\[\.\.\.(\w+)\]$/, "x/y").replace(/^\[(\w+)\]$/, "x");
        walk(path.join(dir, name), segment === null ? segments : [...segments, segment]);
      } else if (/^(page\.tsx|route\.ts)$/.test(entry.name)) {
        found.push(`/${segments.join("/")}`);
      }
    }
  };
  walk(appDir, []);
  return [...new Set(found)].sort();
}

/** The build's server actions: id and a page that includes it. */
function serverActions(): { id: string; page: string }[] {
  const manifest = JSON.parse(readFileSync(".next/server/server-reference-manifest.json", "utf8")) as {
    node: Record<string, { workers: Record<string, unknown> }>;
  };
  return Object.entries(manifest.node).map(([id, { workers }]) => {
    const worker = Object.keys(workers)[0] ?? "app/page";
    const page = `/${worker.replace(/^app\/?/, "").replace(/\/?page$/, "").split("/").filter((s) => !/^\(.*\)$/.test(s)).join("/")}`;
    return { id, page: page.replace(/\[\.\.\.\w+\]/g, "x/y").replace(/\[\w+\]/g, "x") };
  });
}

const huge = "a".repeat(3 * 1024 * 1024);
const bodies: { name: string; data: string; type: string }[] = [
  { name: "not JSON", data: "{not json", type: "application/json" },
  { name: "empty", data: "", type: "application/json" },
  { name: "a NUL", data: '{"prompt":"a\\u0000b"}', type: "application/json" },
  { name: "a form with bad encoding", data: "a=%zz&b=%00", type: "application/x-www-form-urlencoded" },
  { name: "3 MiB", data: huge, type: "text/plain" },
];

async function expectNo5xx(request: APIRequestContext, label: string, send: () => ReturnType<APIRequestContext["get"]>) {
  const response = await send();
  expect(response.status(), `${label} answered ${response.status()}`).toBeLessThan(500);
  await response.dispose();
}

test.describe.configure({ mode: "serial" });

test("no route in app/ answers 5xx to odd URLs", async ({ request }) => {
  const paths = appPaths();
  expect(paths).toContain("/api/v1/jobs/createTask");
  for (const base of paths) {
    for (const suffix of ["", "/%", "/%zz", "/%00", "/%25", "?q=%00&callbackUrl=%", "?model=%zz&taskId=%00"]) {
      const url = `${base === "/" ? "" : base}${suffix}` || "/";
      await expectNo5xx(request, `GET ${url}`, () => request.get(url, { maxRedirects: 0 }));
    }
  }
});

test("no route in app/ answers 5xx to odd bodies", async ({ request }) => {
  for (const url of appPaths()) {
    for (const body of bodies) {
      await expectNo5xx(request, `POST ${url} with ${body.name}`, () =>
        request.post(url, { data: body.data, headers: { "content-type": body.type }, maxRedirects: 0 }),
      );
    }
  }
});

test("next-auth's endpoints take small forms only: 413 for a 3 MiB body, 415 for JSON", async ({ request }) => {
  const big = await request.post("/api/auth/callback/credentials", { data: `email=a%40b.co&password=${huge}`, headers: { "content-type": "application/x-www-form-urlencoded" } });
  expect(big.status()).toBe(413);
  const json = await request.post("/api/auth/callback/credentials", { data: "{nope", headers: { "content-type": "application/json" } });
  expect(json.status()).toBe(415);
});

test("no server action answers 5xx to odd bodies or another origin", async ({ request, baseURL }) => {
  const actions = serverActions();
  expect(actions.length).toBeGreaterThan(5);
  for (const { id, page } of actions) {
    const variants = [
      ...bodies.map((b) => ({ name: b.name, data: b.data, headers: { "content-type": "text/plain;charset=UTF-8" } })),
      { name: "another origin", data: "[]", headers: { "content-type": "text/plain;charset=UTF-8", origin: "https://evil.example" } },
      { name: "a malformed origin", data: "[]", headers: { "content-type": "text/plain;charset=UTF-8", origin: "::not a url::" } },
      { name: "a multipart body that is not one", data: "garbage", headers: { "content-type": "multipart/form-data; boundary=x" } },
    ];
    for (const variant of variants) {
      const response = await request.post(page, { data: variant.data, headers: { "next-action": id, ...variant.headers }, maxRedirects: 0 });
      expect(response.status(), `action ${id} on ${page} with ${variant.name} answered ${response.status()}`).toBeLessThan(500);
      if (variant.name === "another origin") expect(response.status()).toBe(403);
      if (variant.name === "3 MiB") expect(response.status()).toBe(413);
      await response.dispose();
    }
  }
  expect(baseURL).toBeTruthy();
});
