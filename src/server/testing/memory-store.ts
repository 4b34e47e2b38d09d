// An in-memory Store for server and CLI tests that need datasets and geometries without SQLite. Only saved
// target groups can be written (the one thing the server itself writes); import-side writes refuse.
import type { ReadTx, Store, StoredDataset, StoredTarget, WriteTx } from '../../db/store.ts';
import type { GeometryRecord, Snapshot } from '../../shared/snapshot.ts';

export function memoryStore(
  content: { datasets?: StoredDataset[]; geometries?: GeometryRecord[]; snapshot?: Snapshot; targets?: StoredTarget[] } = {},
): Store {
  const datasets = content.datasets ?? [];
  const geometries = content.geometries ?? [];
  const snapshot: Snapshot = content.snapshot ?? { datasets: [], referenceTables: [], indicators: [], areaAttributes: [], geometries, postcodes: [] };
  const targets = new Map((content.targets ?? []).map((t) => [t.definition.id, t]));
  const tx: ReadTx = {
    listDatasets: async () => datasets,
    loadSnapshot: async () => snapshot,
    geometry: async (id) => geometries.find((g) => g.id === id) ?? null,
    listGeometries: async () =>
      geometries.map((g) => ({ id: g.id, level: g.level, classificationYear: g.classificationYear, codeProperty: g.codeProperty, datasetId: g.datasetId })),
    listTargets: async () => [...targets.values()].sort((a, b) => a.definition.id.localeCompare(b.definition.id)),
    getTarget: async (id) => targets.get(id) ?? null,
  };
  const readOnly = () => Promise.reject(new Error('memoryStore only writes target groups'));
  const writeTx: WriteTx = {
    ...tx,
    putDataset: readOnly,
    removeDatasetsExcept: readOnly,
    replaceIndicators: readOnly,
    replaceAreaAttributes: readOnly,
    replaceGeometries: readOnly,
    replacePostcodes: readOnly,
    replaceReferenceTables: readOnly,
    putTarget: async (target) => {
      const existed = targets.has(target.definition.id);
      targets.set(target.definition.id, target);
      return existed ? 'replaced' : 'added';
    },
    deleteTarget: async (id) => targets.delete(id),
  };
  return {
    read: (fn) => fn(tx),
    write: (fn) => fn(writeTx),
    schemaVersion: async () => 0,
    close: async () => {},
  };
}
