// The real open-data mirror imported into a temporary SQLite file, as the server tests and the browser harness
// need it: the store, the snapshot read back from it and the cube built on that snapshot. One import takes
// seconds, so a test file does it once (in `before`) and closes it in `after`.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openSqliteStore } from '../src/db/sqlite-store.ts';
import type { Store } from '../src/db/store.ts';
import { buildCube } from '../src/domain/build-cube.ts';
import type { DataCube } from '../src/domain/cube.ts';
import { directorySource } from '../src/import/data-source.ts';
import { loadAdapters } from '../src/import/registry.ts';
import { readDataDirectory, writeImport } from '../src/import/run-import.ts';
import type { Snapshot } from '../src/shared/snapshot.ts';
import { testDataDir } from './data-dir.ts';

export interface RealData {
  /** The temporary directory holding db.sqlite. */
  dir: string;
  store: Store;
  snapshot: Snapshot;
  cube: DataCube;
  /** Closes the store and removes the temporary directory. */
  close(): Promise<void>;
}

/** Imports every folder of the mirror (import time 2024-01-01T00:00:00Z) into a fresh SQLite file. */
export async function importRealData(): Promise<RealData> {
  const dir = await mkdtemp(path.join(tmpdir(), 'buurtbeeld-real-data-'));
  let store: Store | undefined;
  try {
    store = await openSqliteStore(path.join(dir, 'db.sqlite'));
    const input = await readDataDirectory(directorySource(testDataDir()), await loadAdapters());
    await writeImport(store, input, () => new Date('2024-01-01T00:00:00Z'));
    const snapshot = await store.read((tx) => tx.loadSnapshot());
    const opened = store;
    return {
      dir,
      store,
      snapshot,
      cube: buildCube(snapshot),
      close: async () => {
        await opened.close();
        await rm(dir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await store?.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
