// CBS Kerncijfers wijken en buurten 2024 (85984NED), the small gemeente/wijk subset in the mirror: eight topics
// under their StatLine OData keys (AantalInwoners_5, …), mapped to the same indicators as the KWB short codes of
// 2021/2022. The subset has no names; areas keep an empty name and the register takes the name from another
// dataset with the same code. The DataProperties/TableInfos JSON beside it is documentation, not data.
import type { DatasetAdapter } from '../adapter.ts';
import { kwbCatalogFor, KWB_2024_COLUMNS, seriesSpecs } from '../catalog/kwb.ts';
import { CBS_LEVEL_WORDS, readCsvDataset } from './helpers.ts';

export const KWB_2024_FOLDER = 'cbs-kwb-2024-85984NED-subset';

export const adapters: DatasetAdapter[] = [
  {
    folder: KWB_2024_FOLDER,
    async read(source) {
      const dataset = await readCsvDataset(source, {
        file: `${KWB_2024_FOLDER}/kwb_2024_gemeente_wijk_subset.csv`,
        info: {
          id: 'kwb-2024',
          titleNl: 'Kerncijfers wijken en buurten 2024 (deelselectie)',
          publisher: 'CBS',
          tableId: '85984NED',
          classificationYear: 2024,
        },
        priority: 100,
        areas: { code: 'Codering_3', name: null, level: 'SoortRegio', levelWords: CBS_LEVEL_WORDS },
        series: seriesSpecs(KWB_2024_COLUMNS, 2024),
        expectedRows: 3735,
      });
      return { datasets: [dataset], indicators: kwbCatalogFor([dataset]) };
    },
  },
];
