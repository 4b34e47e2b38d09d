// DataSource over a directory on disk. Decompresses .gz and decodes strict UTF-8 so that a file in another
// encoding (a Windows-1252 export, say) stops the import with its line instead of importing mangled names.
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { ImportError, type DataSource } from './adapter.ts';

export function directorySource(root: string): DataSource {
  const full = (p: string) => path.join(root, ...p.split('/'));
  return {
    root,
    async exists(p) {
      try {
        await stat(full(p));
        return true;
      } catch {
        return false;
      }
    },
    async listFolders() {
      const entries = await readdir(root, { withFileTypes: true });
      return entries.filter((e) => e.isDirectory()).map((e) => e.name).sort();
    },
    async list(folder) {
      const entries = await readdir(full(folder), { withFileTypes: true });
      return entries.filter((e) => e.isFile()).map((e) => e.name).sort();
    },
    async readBytes(p) {
      const bytes = await readFile(full(p));
      if (!p.endsWith('.gz')) return bytes;
      try {
        return gunzipSync(bytes);
      } catch (error) {
        throw new ImportError(p, null, null, `cannot decompress (${(error as Error).message}); is the file truncated?`);
      }
    },
    async readText(p) {
      return decodeUtf8(await this.readBytes(p), p);
    },
  };
}

const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });

/** Decodes strict UTF-8 or throws ImportError with the line of the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array, file: string): string {
  try {
    return decoder.decode(bytes);
  } catch {
    let line = 1;
    // Find the first invalid sequence by decoding growing prefixes per line.
    let start = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(start, i));
        } catch {
          throw new ImportError(file, line, null, 'the file is not UTF-8 (is it a Windows-1252 or Latin-1 export?); save it as UTF-8');
        }
        line++;
        start = i + 1;
      }
    }
    throw new ImportError(file, null, null, 'the file is not UTF-8');
  }
}
