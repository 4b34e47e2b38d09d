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
  // Bodies as ArrayBuffers made once at start-up; a Response copies the bytes it is given (Fetch spec), so one
  // buffer serves every request and nothing is copied twice.
  const files = new Map<string, { body: ArrayBuffer; type: string }>();
  for (const name of readdirSync(dir)) {
    const type = TYPES[path.extname(name)];
    if (type === undefined) continue;
    const bytes = readFileSync(path.join(dir, name));
    files.set(name, { body: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.length) as ArrayBuffer, type });
  }
  const index = files.get('index.html')!;
  return {
    respond(pathname) {
      if (pathname.startsWith('/api/')) return null;
      if (pathname.startsWith('/assets/')) {
        // Keys are bare file names, so a path with more segments (../, sub/) finds nothing.
        const file = files.get(pathname.slice('/assets/'.length));
        if (file === undefined) return null;
        return new Response(file.body, { headers: { 'content-type': file.type, 'cache-control': 'no-cache' } });
      }
      return new Response(index.body, { headers: { 'content-type': index.type, 'cache-control': 'no-cache' } });
    },
  };
}
