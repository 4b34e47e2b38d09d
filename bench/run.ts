// `npm run bench`: measures the full offline import, the cube build, API latency in-process and throughput
// over loopback HTTP on the real open-data mirror, prints a table and rewrites the marked section of
// BENCHMARKS.md with the results and the machine they were measured on. Targets: import < 5 s, values query
// 1 indicator × all wijken < 5 ms.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { promisify } from 'node:util';
import { openSqliteStore } from '../src/db/sqlite-store.ts';
import { buildCube } from '../src/domain/build-cube.ts';
import { createApp } from '../src/server/app.ts';
import { listen } from '../src/server/listen.ts';
import { estimateTarget } from '../src/domain/segmentation/estimate.ts';
import { rankEstimates } from '../src/domain/segmentation/ranking.ts';
import { RISK_DIABETES_TYPE_2, validateTarget } from '../src/domain/segmentation/targets.ts';
import { silentLog } from '../src/server/log.ts';
import { runBrowserBench } from './browser.ts';

const root = path.resolve(import.meta.dirname, '..');
const exec = promisify(execFile);

function dataDir(): string {
  const fromEnv = process.env['BUURTBEELD_DATA_DIR'];
  const dir = fromEnv !== undefined && fromEnv !== '' ? path.resolve(fromEnv) : path.resolve(root, '../shared/data');
  if (!existsSync(path.join(dir, 'README.md'))) throw new Error(`open-data mirror not found at ${dir}: set BUURTBEELD_DATA_DIR`);
  return dir;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 === 1 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (x: number) => `${x < 10 ? x.toFixed(2) : x.toFixed(0)} ms`;

interface Row {
  what: string;
  result: string;
  target?: string;
}

const rows: Row[] = [];
const log = (text: string) => process.stderr.write(`${text}\n`);

const data = dataDir();
// Other work on the machine skews every number: the load average at the start is recorded with the results.
const loadAtStart = os.loadavg()[0]!;
const tmp = await mkdtemp(path.join(os.tmpdir(), 'buurtbeeld-bench-'));
try {
  // 1. Full offline import into a fresh SQLite file, three times, each in its own child process.
  const runs: { importMs: number; readMs: number; maxRssKb: number; wallMs: number; datasets: number; series: number }[] = [];
  for (let i = 0; i < 3; i++) {
    const db = path.join(tmp, `import-${i}.sqlite`);
    const t0 = performance.now();
    const { stdout } = await exec(process.execPath, [path.join(root, 'bench/import-child.ts'), data, db], { maxBuffer: 1 << 20 });
    const wallMs = performance.now() - t0;
    runs.push({ ...(JSON.parse(stdout) as Omit<(typeof runs)[number], 'wallMs'>), wallMs });
    log(`import run ${i + 1}: ${ms(runs.at(-1)!.importMs)}`);
  }
  const importMs = median(runs.map((r) => r.importMs));
  rows.push({ what: `full offline import (${runs[0]!.datasets} datasets, ${runs[0]!.series} series), median of 3`, result: ms(importMs), target: `< 5000 ms ${importMs < 5000 ? '✓' : '✗'}` });
  rows.push({ what: '  of which reading + parsing the data directory', result: ms(median(runs.map((r) => r.readMs))) });
  rows.push({ what: '  child process wall time incl. Node start-up', result: ms(median(runs.map((r) => r.wallMs))) });
  rows.push({ what: 'import peak RSS (max of 3)', result: `${(Math.max(...runs.map((r) => r.maxRssKb)) / 1024).toFixed(0)} MB` });

  // 2. Loading the snapshot and building the cube.
  const store = await openSqliteStore(path.join(tmp, 'import-0.sqlite'));
  const loadTimes: number[] = [];
  const buildTimes: number[] = [];
  let cube = buildCube(await store.read((tx) => tx.loadSnapshot()));
  for (let i = 0; i < 5; i++) {
    const t0 = performance.now();
    const snapshot = await store.read((tx) => tx.loadSnapshot());
    const t1 = performance.now();
    cube = buildCube(snapshot);
    const t2 = performance.now();
    loadTimes.push(t1 - t0);
    buildTimes.push(t2 - t1);
  }
  rows.push({ what: 'load snapshot from SQLite, median of 5', result: ms(median(loadTimes)) });
  rows.push({ what: 'build cube from snapshot, median of 5', result: ms(median(buildTimes)) });

  // 3. API latency in-process (app.fetch until the body is read as bytes).
  const app = createApp({ store, clock: () => new Date(), log: silentLog, cube: () => cube });
  const wijkIndicator = cube.indicators.has('inwoners') ? 'inwoners' : [...cube.indicators.keys()][0]!;
  const wijkCount = (cube.column(wijkIndicator, cube.latestPeriod(wijkIndicator)!)?.codes ?? []).filter((c) => cube.area(c)?.level === 'wijk').length;
  const queries: [string, string, number?][] = [
    [`values: 1 indicator × all ${wijkCount} wijken (JSON)`, `/api/v1/values?level=wijk&indicators=${wijkIndicator}`, 5],
    [`values: 1 indicator × all wijken (CSV)`, `/api/v1/values?level=wijk&indicators=${wijkIndicator}&format=csv`, 5],
    ['one area with ancestors and children (GM0363)', '/api/v1/areas/GM0363'],
    ['search areas (q=amst)', '/api/v1/areas?q=amst'],
  ];
  for (const [what, url, target] of queries) {
    const times: number[] = [];
    for (let i = 0; i < 300; i++) {
      const t0 = performance.now();
      const response = await app.fetch(new Request(`http://bench.local${url}`));
      // The body as bytes: the server's serialisation and encoding, not a client's decoding.
      await response.arrayBuffer();
      if (i >= 50) times.push(performance.now() - t0);
      if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
    }
    const med = median(times);
    rows.push({
      what: `${what}, in-process, median (p95) of 250`,
      result: `${ms(med)} (${ms(percentile(times, 95))})`,
      target: target === undefined ? undefined : `< ${target} ms ${med < target ? '✓' : '✗'}`,
    });
  }

  // 3b. Segmentation: estimate and rank every wijk for a user-defined target group (the issue's benchmark). The
  // target is a user's copy of the risk model (two terms, three factors, renormalised), validated as a POST would.
  {
    const userInput = JSON.parse(JSON.stringify({ ...RISK_DIABETES_TYPE_2, id: 'bench-eigen-doelgroep' })) as unknown;
    const validated = validateTarget(userInput, cube.indicators);
    if (!validated.ok) throw new Error(`bench target invalid: ${validated.issues.map((i) => i.message).join('; ')}`);
    const target = validated.target;
    const t0 = performance.now();
    let table = estimateTarget(cube, target, { level: 'wijk' });
    rankEstimates(cube, table, { n: 5, byStratum: true });
    const firstMs = performance.now() - t0;
    const times: number[] = [];
    for (let i = 0; i < 1100; i++) {
      const s0 = performance.now();
      table = estimateTarget(cube, target, { level: 'wijk' });
      rankEstimates(cube, table, { n: 5, byStratum: true });
      if (i >= 100) times.push(performance.now() - s0);
    }
    const med = median(times);
    rows.push({
      what: `segmentation: estimate + rank (top 5 per province × stratum) all ${table.codes.length} wijken, user-defined target, median (p95) of 1000 after 100 warm-up`,
      result: `${ms(med)} (${ms(percentile(times, 95))})`,
      target: `< 1 ms ${med < 1 ? '✓' : '✗'}`,
    });
    rows.push({ what: '  first call for that target and level (builds and caches the column plan)', result: ms(firstMs) });
    rows.push({ what: '  reference quoted in the issue: pandas, same computation on this machine (not measured here)', result: '≈ 11 ms' });
  }

  // 4. Throughput over loopback HTTP: a bounded number of requests, a fixed number in flight.
  const server = await listen((request) => app.fetch(request), '127.0.0.1', 0);
  try {
    for (const [what, url] of [
      ['area detail', '/api/v1/areas/GM0363'],
      ['values 1 indicator × all wijken', `/api/v1/values?level=wijk&indicators=${wijkIndicator}`],
    ] as const) {
      const total = 2000;
      const concurrency = 32;
      let sent = 0;
      let failed = 0;
      const worker = async () => {
        while (sent < total) {
          sent++;
          const response = await fetch(new URL(url.slice(1), server.url));
          await response.arrayBuffer();
          if (response.status !== 200) failed++;
        }
      };
      const t0 = performance.now();
      await Promise.all(Array.from({ length: concurrency }, worker));
      const seconds = (performance.now() - t0) / 1000;
      rows.push({ what: `loopback HTTP, ${what}: ${total} requests, ${concurrency} concurrent`, result: `${(total / seconds).toFixed(0)} req/s${failed > 0 ? ` (${failed} failed)` : ''}` });
    }
  } finally {
    await server.close();
  }
  await store.close();
} finally {
  await rm(tmp, { recursive: true, force: true });
}

// Report: table on stdout, marked section of BENCHMARKS.md rewritten.
const cpus = os.cpus();
const machine = `${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GB memory, ${os.platform()} ${os.release()}, Node ${process.version}`;
const date = new Date().toISOString().slice(0, 10);
const width = Math.max(...rows.map((r) => r.what.length));
process.stdout.write(`${machine}\n\n`);
for (const r of rows) process.stdout.write(`${r.what.padEnd(width)}  ${r.result.padStart(18)}  ${r.target ?? ''}\n`);

const table = ['| measurement | result | target |', '|---|---|---|', ...rows.map((r) => `| ${r.what.trim()} | ${r.result} | ${r.target ?? ''} |`)].join('\n');
const section = `<!-- bench:start -->\nMeasured ${date} on ${machine}, data directory \`${path.relative(root, data) || data}\`, 1-minute load average ${loadAtStart.toFixed(1)} at the start.\n\n${table}\n<!-- bench:end -->`;
const file = path.join(root, 'BENCHMARKS.md');
const existing = existsSync(file) ? await readFile(file, 'utf8') : '';
const marked = /<!-- bench:start -->[\s\S]*<!-- bench:end -->/;
const updated = marked.test(existing) ? existing.replace(marked, section) : `${existing.trimEnd()}\n\n${section}\n`.trimStart();
await writeFile(file, updated);
process.stderr.write(`\nresults written to ${path.relative(process.cwd(), file)}\n`);

// The browser benchmarks (bench/browser.ts) rewrite their own section of BENCHMARKS.md.
await runBrowserBench();
