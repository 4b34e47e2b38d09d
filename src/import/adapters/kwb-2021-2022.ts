// CBS Kerncijfers wijken en buurten 2021 (85039NED) and 2022 (85318NED): Nederland, gemeenten and wijken in the
// short-code columns of the CBS Excel download, one CSV per edition (see the folder's PROVENANCE.md). The 2021
// one-decimal columns that had lost their decimal point in the source were already rescaled in the mirror, so
// they are read as they are.
import type { DataSource, DatasetAdapter } from '../adapter.ts';
import { kwbCatalogFor, KWB_2021_COLUMNS, KWB_2022_COLUMNS, seriesSpecs, type ColumnMapping } from '../catalog/kwb.ts';
import { CBS_LEVEL_WORDS, readCsvDataset } from './helpers.ts';
import type { DatasetRecord } from '../../shared/snapshot.ts';

export const KWB_FOLDER = 'cbs-kwb-2021-2022-gemeente-wijk';

interface Edition {
  year: number;
  tableId: string;
  rows: number;
  columns: readonly ColumnMapping[];
}

const EDITIONS: readonly Edition[] = [
  { year: 2021, tableId: '85039NED', rows: 3601, columns: KWB_2021_COLUMNS },
  { year: 2022, tableId: '85318NED', rows: 3686, columns: KWB_2022_COLUMNS },
];

async function readEdition(source: DataSource, edition: Edition): Promise<DatasetRecord> {
  return readCsvDataset(source, {
    file: `${KWB_FOLDER}/kwb_${edition.year}_nl_gemeente_wijk.csv`,
    info: {
      id: `kwb-${edition.year}`,
      titleNl: `Kerncijfers wijken en buurten ${edition.year}`,
      publisher: 'CBS',
      tableId: edition.tableId,
      classificationYear: edition.year,
    },
    priority: 100,
    areas: { code: 'gwb_code_10', name: 'regio', level: 'recs', levelWords: CBS_LEVEL_WORDS },
    series: seriesSpecs(edition.columns, edition.year),
    expectedRows: edition.rows,
  });
}

export const adapters: DatasetAdapter[] = [
  {
    folder: KWB_FOLDER,
    async read(source) {
      // One after the other, so that with two bad files the error reported is always the first file's.
      const datasets: DatasetRecord[] = [];
      for (const edition of EDITIONS) datasets.push(await readEdition(source, edition));
      return { datasets, indicators: kwbCatalogFor(datasets) };
    },
  },
];
