import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";

type Handler = (req: Request, ctx: { params: Promise<Record<string, string | string[] | undefined>> }) => Promise<Response>;

/** A route as Next would mount it: a path with `[name]` segments and its handlers by method. */
export type MountedRoute = { path: string; handlers: Partial<Record<string, Handler>> };

export type RouteServer = { origin: string; requests: () => string[]; stop(): Promise<void> };

function matcher(path: string): RegExp {
  const pattern = path
    .split("/")
    .map((segment) => {
      const name = /^\[(\w+)\]$/.exec(segment)?.[1];
      return name ? `(?<${name}>[^/]+)` : segment.replace(/[.*+?^${}()|\\]/g, "\\$&");
    })
    .join("/");
  return new RegExp(`^${pattern}$`);
}

/**
 * Route handlers behind a loopback HTTP server, so that real clients (the `replicate` package, the
 * MCP SDK's client) talk to them over the wire in integration tests, with only their base URL changed.
 * Unknown paths answer 404 and unknown methods 405, as Next would.
 */
export async function startRouteServer(routes: MountedRoute[]): Promise<RouteServer> {
  const compiled = routes.map((route) => ({ ...route, re: matcher(route.path) }));
  const seen: string[] = [];
  const server: Server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const url = new URL(req.url ?? "/", `http://${req.headers.host}`);
    seen.push(`${req.method} ${url.pathname}${url.search}`);
    const headers = new Headers();
    for (const [name, value] of Object.entries(req.headers)) {
      if (typeof value === "string") headers.set(name, value);
      else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
    }
    headers.set("x-lumigate-peer", req.socket.remoteAddress ?? "127.0.0.1");
    const route = compiled.find((r) => r.re.test(url.pathname));
    const handler = route?.handlers[req.method ?? "GET"];
    let response: Response;
    if (!route) response = new Response("not found", { status: 404 });
    else if (!handler) response = new Response("method not allowed", { status: 405 });
    else {
      const params = Object.fromEntries(
        Object.entries(route.re.exec(url.pathname)?.groups ?? {}).map(([k, v]) => [k, decodeURIComponent(v)]),
      );
      const body = chunks.length > 0 && req.method !== "GET" && req.method !== "HEAD" ? Buffer.concat(chunks) : undefined;
      const request = new Request(url, { method: req.method, headers, body, signal: AbortSignal.timeout(120_000) });
      response = await handler(request, { params: Promise.resolve(params) });
    }
    res.writeHead(response.status, Object.fromEntries(response.headers));
    if (response.body) for await (const chunk of response.body) res.write(chunk);
    res.end();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests: () => [...seen],
    stop: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
