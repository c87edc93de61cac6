import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { v7 as uuidv7 } from 'uuid';
import { SqliteStore } from '../src/store/sqlite/sqlite.store';
import type { ConfigFilter } from '../src/store/store.port';
import { SCHEMA_VERSION, type StoredConfig } from '../src/store/store.types';

const CONFIGS = Number(process.env.BENCH_FILTER_CONFIGS ?? 100_000);
const RUNS = 50;

function config(index: number): StoredConfig {
  const at = new Date().toISOString();
  // One in 100 is SFTP, one in 1,000 is named "Payroll …", one in 20 "Audit …", one in 10
  // belongs to an integration.
  const name =
    index % 1000 === 0 ? `Payroll export ${index}` : index % 20 === 1 ? `Audit copy ${index}` : `Warehouse ${index}`;
  return {
    tenantId: 'bench',
    id: uuidv7(),
    schemaVersion: SCHEMA_VERSION,
    name,
    nameLower: name.toLowerCase(),
    connectorKey: index % 100 === 0 ? 'sftp' : 'postgresql',
    connectorVersion: 1,
    integrationKey: index % 10 === 0 ? 'file-export' : null,
    values: { host: 'db.example.com', database: 'analytics', username: 'svc' },
    secrets: {},
    clearedSecrets: {},
    relayId: null,
    createdAt: at,
    createdBy: 'bench',
    updatedAt: at,
    updatedBy: 'bench',
    version: 1,
    lastTest: null,
  };
}

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
