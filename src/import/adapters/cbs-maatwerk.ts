// CBS maatwerk tables: mean income and income distribution per gemeente and wijk for 2020 on the 2023
// classification, and cars per household on 1 January 2023. They carry the KWB definitions, so they feed the
// same indicators as KWB (inkomen_per_inwoner, autos_per_huishouden, …) for years KWB itself lacks here.
// Each row also names its gemeente; that must agree with the digits of the area code.
import type { DatasetAdapter } from '../adapter.ts';
import { kwbCatalogFor, CBS_AUTOBEZIT_2023_COLUMNS, CBS_INKOMEN_2020_COLUMNS, seriesSpecs } from '../catalog/kwb.ts';
import { CBS_LEVEL_WORDS, readCsvDataset } from './helpers.ts';

export const MAATWERK_FOLDER = 'cbs-maatwerk-inkomen2020-autobezit2023';

const AREA_COLUMNS = { code: 'regiocode', name: 'regionaam', level: 'soort', levelWords: CBS_LEVEL_WORDS, gemeenteCode: 'gemeentecode' } as const;

export const adapters: DatasetAdapter[] = [
  {
    folder: MAATWERK_FOLDER,
    async read(source) {
      const income = await readCsvDataset(source, {
        file: `${MAATWERK_FOLDER}/inkomen_2020_gemeente_wijk_indeling2023.csv`,
        info: {
          id: 'cbs-inkomen-2020',
          titleNl: 'Inkomen per gemeente en wijk, 2020 (CBS maatwerk, indeling 2023)',
          publisher: 'CBS',
          tableId: 'maatwerk 2023/35 inkomen per gemeente en wijk 2020',
          classificationYear: 2023,
        },
        priority: 90,
        areas: AREA_COLUMNS,
        series: seriesSpecs(CBS_INKOMEN_2020_COLUMNS, 2020),
        expectedRows: 3695,
      });
      const cars = await readCsvDataset(source, {
        file: `${MAATWERK_FOLDER}/autobezit_2023_gemeente_wijk.csv`,
        info: {
          id: 'cbs-autobezit-2023',
          titleNl: 'Autobezit per huishouden, 1 januari 2023 (CBS maatwerk)',
          publisher: 'CBS',
          tableId: 'maatwerk 2024/08 autobezit per huishouden 1 januari 2023',
          classificationYear: 2023,
        },
        priority: 90,
        areas: AREA_COLUMNS,
        series: seriesSpecs(CBS_AUTOBEZIT_2023_COLUMNS, 2023),
        expectedRows: 3694,
      });
      return { datasets: [income, cars], indicators: kwbCatalogFor([income, cars]) };
    },
  },
];
