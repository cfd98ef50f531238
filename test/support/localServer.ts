/** A real HTTP server on 127.0.0.1 for the fetch tests: it records every request path. */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface LocalServer {
  server: Server;
  /** `http://127.0.0.1:<port>` */
  base: string;
  /** The request paths, in order; tests empty it between cases. */
  requests: string[];
  /** Closes the server and every open connection (a test's slow answer never finishes by itself). */
  close(): Promise<void>;
}

/** Starts a server with the given answers on a free port of 127.0.0.1. */
export async function startLocalServer(answer: (url: string, response: ServerResponse, request: IncomingMessage) => void): Promise<LocalServer> {
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const url = request.url ?? '/';
    requests.push(url);
    answer(url, response, request);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    server,
    base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    requests,
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}

/** Streams `megabytes` MiB of 'a' without a Content-Length, minding back-pressure; the client may hang up. */
export function streamMegabytes(response: ServerResponse, megabytes: number): void {
  const chunk = Buffer.alloc(1024 * 1024, 0x61);
  let sent = 0;
  const pump = (): void => {
    while (sent < megabytes && response.write(chunk)) sent++;
    if (sent < megabytes) response.once('drain', pump);
    else response.end();
  };
  response.on('error', () => undefined);
  pump();
}
