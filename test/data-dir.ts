// Where tests and benchmarks find the real open-data mirror: BUURTBEELD_DATA_DIR, or ../shared/data beside
// the checkout. Tests read it as it is; nothing from it is ever copied into the repository.
import path from 'node:path';
import { existsSync } from 'node:fs';

export function testDataDir(): string {
  const fromEnv = process.env['BUURTBEELD_DATA_DIR'];
  const dir = fromEnv !== undefined && fromEnv !== '' ? path.resolve(fromEnv) : path.resolve(import.meta.dirname, '../../shared/data');
  if (!existsSync(path.join(dir, 'README.md'))) {
    throw new Error(`open-data mirror not found at ${dir}: set BUURTBEELD_DATA_DIR`);
  }
  return dir;
}
