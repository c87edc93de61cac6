import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../src/store/sqlite/sqlite.store';
import type { ConfigFilter } from '../src/store/store.port';
import { benchConfig } from './stored-config';

const CONFIGS = Number(process.env.BENCH_FILTER_CONFIGS ?? 100_000);
const RUNS = 50;

/** One in 100 is SFTP, one in 1,000 "Payroll …", one in 20 "Audit …", one in 10 in an integration. */
const config = (index: number) =>
  benchConfig(
    index % 1000 === 0 ? `Payroll export ${index}` : index % 20 === 1 ? `Audit copy ${index}` : `Warehouse ${index}`,
    {
      connectorKey: index % 100 === 0 ? 'sftp' : 'postgresql',
      integrationKey: index % 10 === 0 ? 'file-export' : null,
    },
  );

/**
 * Filtered first pages of 50 at CONFIGS configs in one tenant, on the SQLite store in this
 * process: the median of RUNS reads each, and its ratio to the unfiltered first page.
 */
export async function filtersScenario(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'plugboard-bench-filters-'));
  const store = new SqliteStore(join(dataDir, 'filters.db'));
  try {
    for (let index = 0; index < CONFIGS; index += 1) await store.configs.create(config(index));
    const time = async (filter: ConfigFilter) => {
      const samples: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const started = process.hrtime.bigint();
        await store.configs.list('bench', filter, { first: 50 });
        samples.push(Number(process.hrtime.bigint() - started) / 1e6);
      }
      return samples.sort((a, b) => a - b)[Math.floor(RUNS / 2)];
    };
    const cases: [string, ConfigFilter][] = [
      ['first page, no filter', {}],
      ['connector, 1 in 100', { connectorKey: 'sftp' }],
      ['connector, no match', { connectorKey: 'ldap' }],
      ['integration, 1 in 10', { integrationKey: 'file-export' }],
      ['integration, no match', { integrationKey: 'nothing' }],
      ['name contains, 1 in 1,000 (the trigram index)', { nameContains: 'payroll' }],
      ['name contains, 1 in 20 (read in id order)', { nameContains: 'audit' }],
      ['name contains, 2 letters (read in id order)', { nameContains: 'au' }],
      ['name contains, no match', { nameContains: 'nothing' }],
    ];
    const rows: Record<string, { 'median ms': number; 'ratio to first page': number }> = {};
    let firstPage = 1;
    for (const [name, filter] of cases) {
      const ms = await time(filter);
      if (!Object.keys(rows).length) firstPage = ms;
      rows[name] = {
        'median ms': Math.round(ms * 100) / 100,
        'ratio to first page': Math.round((ms / firstPage) * 10) / 10,
      };
    }
    console.log(
      `\nScenario: filtered first pages of 50 at ${CONFIGS.toLocaleString('en')} configs in one tenant (SQLite)`,
    );
    console.table(rows);
  } finally {
    await store.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
