// Serves the bundled browser client (dist/client, built by scripts/build-client.ts). Files are read once at
// start-up; every path outside /api and /assets gets index.html so that client routes (/gebied/GM0363, /kaart)
// work as shareable URLs.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';

const TYPES: Record<string, string> = {
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.html': 'text/html; charset=utf-8',
  '.map': 'application/json',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
};

export interface ClientFiles {
  /** Response for a GET path, or null when the path is not the client's (e.g. /api/…). */
  respond(pathname: string): Response | null;
}

export function loadClientFiles(dir: string): ClientFiles {
  if (!existsSync(path.join(dir, 'index.html'))) {
    throw new Error(`the browser client is not built: ${dir}/index.html is missing (run: node scripts/build-client.ts)`);
  }
  const files = new Map<string, { body: Buffer; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (type !== undefined) files.set(name, { body: readFileSync(path.join(dir, name)), type });
  }
  const index = files.get('index.html')!;
  return {
    respond(pathname) {
      if (pathname.startsWith('/api/')) return null;
      if (pathname.startsWith('/assets/')) {
        const file = files.get(pathname.slice('/assets/'.length));
        if (file === undefined || pathname.slice('/assets/'.length).includes('/')) return null;
        return new Response(new Uint8Array(file.body), { headers: { 'content-type': file.type, 'cache-control': 'no-cache' } });
      }
      return new Response(new Uint8Array(index.body), { headers: { 'content-type': index.type, 'cache-control': 'no-cache' } });
    },
  };
}
