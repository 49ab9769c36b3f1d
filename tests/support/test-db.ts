// A fresh, migrated database per test file, copied from the template the global setup built.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { afterAll, beforeAll, inject } from 'vitest';
import { createDb, type DbHandle } from '@/db/client';
import { withDatabase } from './postgres-server';
import { readThrough } from './read-through';

export interface TestDb extends DbHandle {
  url: string;
  name: string;
  drop: () => Promise<void>;
}

export async function createTestDb(): Promise<TestDb> {
  const adminUrl = inject('testAdminUrl');
  const template = inject('testTemplateDb');
  const name = `conf_t_${template.split('_')[2]}_${randomBytes(4).toString('hex')}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  try {
    await admin.unsafe(`create database "${name}" template "${template}"`);
  } finally {
    await admin.end();
  }
  const url = withDatabase(adminUrl, name);
  const handle = createDb(url, { max: 20 });
  return {
    ...handle,
    url,
    name,
    drop: async () => {
      await handle.close();
      const a = postgres(adminUrl, { max: 1, onnotice: () => {} });
      try {
        await a.unsafe(`drop database if exists "${name}" with (force)`);
      } finally {
        await a.end();
      }
    },
  };
}

/**
 * A fresh database for the calling test file: created before its tests, dropped after. The returned handle
 * reads through to it, so `t.db` and `t.sql` work inside tests.
 */
export function useTestDb(): TestDb {
  let current: TestDb | undefined;
  beforeAll(async () => {
    current = await createTestDb();
  });
  afterAll(async () => {
    await current?.drop();
  });
  return readThrough(() => current, 'The test database');
}
