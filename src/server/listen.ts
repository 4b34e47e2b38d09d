// Serving a fetch handler over HTTP on Node (via @hono/node-server). Called from main.ts and the benchmark;
// the app itself never opens a port, so its tests run in-process.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';

export type FetchHandler = (request: Request) => Response | Promise<Response>;

export interface RunningServer {
  /** e.g. http://127.0.0.1:8080/ */
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Listens on host:port (port 0 = any free port) and resolves once the server accepts connections. */
export function listen(handler: FetchHandler, host: string, port: number): Promise<RunningServer> {
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: (request) => handler(request), hostname: host, port }, (info: AddressInfo) => {
      const shownHost = info.family === 'IPv6' ? `[${info.address}]` : info.address;
      resolve({
        url: `http://${shownHost}:${info.port}/`,
        port: info.port,
        close: () =>
          new Promise<void>((done, fail) => {
            server.close((error) => (error === undefined ? done() : fail(error)));
            if ('closeAllConnections' in server) server.closeAllConnections();
          }),
      });
    });
    server.once('error', reject);
  });
}
