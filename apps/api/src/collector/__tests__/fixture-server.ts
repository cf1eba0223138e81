import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';

export type Handler = (req: IncomingMessage, url: URL, res: ServerResponse) => void | Promise<void>;

/** A local HTTP server serving fixtures in the public sources' response shapes. */
export class FixtureServer {
  readonly hits: string[] = [];
  private readonly routes = new Map<string, Handler>();
  private server?: Server;
  base = '';

  route(path: string, handler: Handler): void {
    this.routes.set(path, handler);
  }

  json(path: string, body: unknown | ((url: URL) => unknown), status = 200): void {
    this.route(path, (_req, url, res) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(typeof body === 'function' ? (body as (u: URL) => unknown)(url) : body));
    });
  }

  count(path: string): number {
    return this.hits.filter((h) => h.split('?')[0] === path).length;
  }

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      this.hits.push(`${url.pathname}${url.search}`);
      const handler = this.routes.get(url.pathname);
      if (!handler) {
        res.writeHead(404, { 'content-type': 'application/json' });
        res.end('{"error":"not found"}');
        return;
      }
      void Promise.resolve(handler(req, url, res)).catch(() => res.destroy());
    });
    this.server = server;
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    this.base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((r) => this.server?.close(r));
  }
}
