// A read-only in-memory Store for server and CLI tests that need datasets and geometries without SQLite. Writing is
// not part of what the server does, so write() refuses.
import type { ReadTx, Store, StoredDataset } from '../../db/store.ts';
import type { GeometryRecord, Snapshot } from '../../shared/snapshot.ts';

export function memoryStore(content: { datasets?: StoredDataset[]; geometries?: GeometryRecord[]; snapshot?: Snapshot } = {}): Store {
  const datasets = content.datasets ?? [];
  const geometries = content.geometries ?? [];
  const snapshot: Snapshot = content.snapshot ?? { datasets: [], referenceTables: [], indicators: [], areaAttributes: [], geometries, postcodes: [] };
  const tx: ReadTx = {
    listDatasets: async () => datasets,
    loadSnapshot: async () => snapshot,
    geometry: async (id) => geometries.find((g) => g.id === id) ?? null,
    listGeometries: async () =>
      geometries.map((g) => ({ id: g.id, level: g.level, classificationYear: g.classificationYear, codeProperty: g.codeProperty, datasetId: g.datasetId })),
  };
  return {
    read: (fn) => fn(tx),
    write: () => Promise.reject(new Error('memoryStore is read-only')),
    schemaVersion: async () => 0,
    close: async () => {},
  };
}
