// Every adapter of ./adapters/, in import order. Adding a dataset = writing its adapter module (which exports
// `adapters: DatasetAdapter[]`) and listing it here; static imports, so the compiler checks each module.
import { createHash } from 'node:crypto';
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { DatasetAdapter } from './adapter.ts';
import { adapters as kwb } from './adapters/kwb-2021-2022.ts';
import { adapters as kwb2024 } from './adapters/kwb-2024-subset.ts';
import { adapters as maatwerk } from './adapters/cbs-maatwerk.ts';
import { adapters as pdok } from './adapters/pdok-gemeenten.ts';
import { adapters as rivm } from './adapters/rivm-gezondheid.ts';
import { adapters as diabetes } from './adapters/cbs-diabetes.ts';
import { adapters as regio } from './adapters/regio-indelingen.ts';
import { adapters as geo } from './adapters/geo.ts';

export const ADAPTERS: readonly DatasetAdapter[] = [...kwb, ...kwb2024, ...maatwerk, ...pdok, ...rivm, ...diabetes, ...regio, ...geo];

/**
 * The adapters, each dataset's content hash folded with a hash of the code that reads it. A dataset is
 * "unchanged" only when its files AND the adapters, catalogs and parsing code are the same: after a fix in an
 * adapter, the next import rewrites what the old code produced instead of keeping it.
 */
export async function loadAdapters(): Promise<DatasetAdapter[]> {
  const version = await importCodeVersion();
  return ADAPTERS.map((adapter) => withCodeVersion(adapter, version));
}

/** Wraps an adapter so that the content hash of every dataset it returns also covers `version`. */
export function withCodeVersion(adapter: DatasetAdapter, version: string): DatasetAdapter {
  return {
    folder: adapter.folder,
    async read(source) {
      const output = await adapter.read(source);
      if (output.datasets === undefined) return output;
      return {
        ...output,
        datasets: output.datasets.map((d) => ({
          ...d,
          info: { ...d.info, contentHash: createHash('sha256').update(`${d.info.contentHash}\n${version}`).digest('hex') },
        })),
      };
    },
  };
}

/** sha256 over the source of everything that turns data files into records (sorted, so the order is stable). */
export async function importCodeVersion(): Promise<string> {
  const here = import.meta.dirname;
  const folders = [here, path.join(here, 'adapters'), path.join(here, 'catalog'), path.join(here, '../shared')];
  const hash = createHash('sha256');
  for (const folder of folders) {
    const files = (await readdir(folder)).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts')).sort();
    for (const file of files) {
      hash.update(`${path.relative(here, path.join(folder, file))}\n`);
      hash.update(await readFile(path.join(folder, file)));
    }
  }
  return hash.digest('hex');
}
