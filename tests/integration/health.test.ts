import { describe, expect, it } from 'vitest';
import { createDb } from '@/db/client';
import { databaseAnswers } from '@/lib/health';
import { useTestDb } from '../support/test-db';

const t = useTestDb();

describe('databaseAnswers', () => {
  it('is true when the database answers and false, without throwing, when it cannot be reached', async () => {
    expect(await databaseAnswers({ db: t.db })).toBe(true);
    const unreachable = createDb('postgres://nobody@127.0.0.1:1/none', { max: 1 });
    try {
      expect(await databaseAnswers({ db: unreachable.db }, 2000)).toBe(false);
    } finally {
      await unreachable.close().catch(() => undefined);
    }
  });
});
