// Every adapter module of ./adapters/, in import order. Adding a dataset = writing its adapter module (which
// exports `adapters: DatasetAdapter[]`) and listing it here. Modules are loaded by name and checked at run time,
// so a module that exports something else fails with its name instead of deep inside the import.
import type { DatasetAdapter } from './adapter.ts';

/** Module paths relative to this file. */
export const ADAPTER_MODULES: readonly string[] = [
  './adapters/kwb-2021-2022.ts',
  './adapters/kwb-2024-subset.ts',
  './adapters/cbs-maatwerk.ts',
  './adapters/pdok-gemeenten.ts',
  './adapters/rivm-gezondheid.ts',
  './adapters/cbs-diabetes.ts',
  './adapters/regio-indelingen.ts',
  './adapters/geo.ts',
];

/** Absolute file URL of each adapter module (for checks that they exist). */
export function adapterModuleUrls(): URL[] {
  return ADAPTER_MODULES.map((m) => new URL(m, import.meta.url));
}

export async function loadAdapters(): Promise<DatasetAdapter[]> {
  const loaded: DatasetAdapter[] = [];
  for (const url of adapterModuleUrls()) {
    const module = (await import(url.href)) as { adapters?: unknown };
    loaded.push(...checkAdapters(module.adapters, url.pathname));
  }
  return loaded;
}

function checkAdapters(value: unknown, module: string): DatasetAdapter[] {
  if (!Array.isArray(value)) throw new Error(`${module} must export \`adapters: DatasetAdapter[]\``);
  return value.map((a: unknown, i) => {
    const candidate = a as Partial<DatasetAdapter> | null;
    if (typeof candidate?.folder !== 'string' || typeof candidate.read !== 'function') {
      throw new Error(`${module}: adapters[${i}] is not a DatasetAdapter (needs folder: string and read(source))`);
    }
    return candidate as DatasetAdapter;
  });
}
