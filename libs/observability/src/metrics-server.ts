import * as http from 'node:http';
import { type AddressInfo } from 'node:net';
import { type Registry } from 'prom-client';
import { pathOnly } from './logging';

export interface MetricsServer {
  url: string;
  close(): Promise<void>;
}

/** Serves one registry at `/metrics` on its own address, apart from the app's public port. */
export async function serveMetrics(registry: Registry, host: string, port: number): Promise<MetricsServer> {
  const server = http.createServer((request, response) => {
    if (request.method !== 'GET' || pathOnly(request.url) !== '/metrics') {
      response.writeHead(404).end();
      return;
    }
    registry.metrics().then(
      (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
      (error: unknown) => response.writeHead(500).end(String(error)),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${host}:${address.port}/metrics`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
