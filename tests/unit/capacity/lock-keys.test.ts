// Which keys lock a seat_counters row and which an advisory lock, and the order the locks are taken in.
import { PgDialect } from 'drizzle-orm/pg-core';
import { describe, expect, it } from 'vitest';
import { isCounterKey, poolLocker, unsafeNoLocker } from '@/lib/capacity/seats';

const dialect = new PgDialect();

describe('pool lock keys', () => {
  it('locks pools of seats by their counter rows and every other key by an advisory lock', () => {
    for (const key of ['event:e', 'ticket_type:t', 'pool:p', 'session:s']) expect(isCounterKey(key)).toBe(true);
    for (const key of ['voucher:v', 'holds:email:a@b.example', 'holds:client:c', 'waitlist:email:e:k'])
      expect(isCounterKey(key)).toBe(false);
  });

  it('sets the lock timeout, then takes the advisory locks, then the rows, each kind sorted', () => {
    const statements = poolLocker
      .lockStatements(['session:b', 'voucher:z', 'event:a', 'holds:email:x'], 250)
      .map((s) => dialect.sqlToQuery(s));
    expect(statements[0]!.sql).toContain('lock_timeout');
    expect(statements[0]!.params).toContain('250ms');
    expect(statements[1]!.sql).toContain('pg_advisory_xact_lock');
    expect(statements[1]!.params).toContain('{"holds:email:x","voucher:z"}');
    expect(statements[2]!.sql).toContain('insert into seat_counters');
    expect(statements[3]!.sql).toMatch(/order by key for update/);
    expect(statements[3]!.params).toContain('{"event:a","session:b"}');
    expect(statements).toHaveLength(4);
  });

  it('takes nothing for no keys, and the test-only locker takes nothing and says so', () => {
    expect(poolLocker.lockStatements([], 100)).toEqual([]);
    expect(unsafeNoLocker.lockStatements(['event:a'], 100)).toEqual([]);
    expect(unsafeNoLocker.locks).toBe(false);
  });
});
