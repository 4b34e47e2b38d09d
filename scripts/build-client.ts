// Bundles the browser client (src/client/main.ts + styles.css) into dist/client with esbuild, and reports the
// gzipped size of what the browser downloads (the budget is 300 KB of JavaScript, gzipped).
import { build } from 'esbuild';
import { mkdir, copyFile, readFile, writeFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import path from 'node:path';
import { markdownToHtml } from '../src/server/markdown.ts';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, 'dist/client');

export async function buildClient(options: { quiet?: boolean } = {}): Promise<{ jsBytes: number; jsGzip: number; cssGzip: number }> {
  await mkdir(out, { recursive: true });
  await build({
    entryPoints: { app: path.join(root, 'src/client/main.ts'), styles: path.join(root, 'src/client/styles.css') },
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    outdir: out,
    sourcemap: 'linked',
    legalComments: 'external',
    logLevel: options.quiet === true ? 'error' : 'warning',
    loader: { '.woff2': 'file', '.woff': 'file' },
  });
  await copyFile(path.join(root, 'src/client/index.html'), path.join(out, 'index.html'));
  // The methods write-up, converted once here (escaped, safe subset) and loaded by the /methoden page.
  await writeFile(path.join(out, 'methods.html'), markdownToHtml(await readFile(path.join(root, 'docs/methods.md'), 'utf8')));
  const js = await readFile(path.join(out, 'app.js'));
  const css = await readFile(path.join(out, 'styles.css'));
  const sizes = { jsBytes: js.length, jsGzip: gzipSync(js).length, cssGzip: gzipSync(css).length };
  await writeFile(path.join(out, 'sizes.json'), JSON.stringify(sizes, null, 2));
  if (options.quiet !== true) {
    console.log(`client: app.js ${(sizes.jsGzip / 1024).toFixed(1)} KB gzipped, styles.css ${(sizes.cssGzip / 1024).toFixed(1)} KB gzipped → ${path.relative(root, out)}`);
  }
  return sizes;
}

if (import.meta.main) await buildClient();
