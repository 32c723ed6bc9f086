import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type ReceivedRequest = { method: string; url: string; headers: IncomingMessage["headers"]; body: string };

export type LocalServer = {
  /** `http://host:port`, with IPv6 hosts bracketed. */
  origin: string;
  port: number;
  received: ReceivedRequest[];
  close: () => Promise<void>;
};

type Handler = (request: ReceivedRequest, response: ServerResponse) => void;

/** An HTTP server on a loopback address that records every request it reads to the end. */
export async function startLocalServer(handler: Handler, host = "127.0.0.1"): Promise<LocalServer> {
  const received: ReceivedRequest[] = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const request = { method: req.method ?? "", url: req.url ?? "", headers: req.headers, body: Buffer.concat(chunks).toString() };
      received.push(request);
      handler(request, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://${host.includes(":") ? `[${host}]` : host}:${port}`;
  return {
    origin,
    port,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
