// lib/env.ts: what the deployment is (APP_ENV), and the refusal to start a public production build that never said.
import { describe, expect, it } from 'vitest';
import { EnvError, parseEnv } from '@/lib/env';
import { TEST_DATA_ENCRYPTION_KEY } from '../support/vault';

const base = { DATABASE_URL: 'postgres://u@localhost/db' };
// A production site needs a payment provider, a webhook secret and a data key; these let the APP_ENV rule speak alone.
const stripe = {
  STRIPE_SECRET_KEY: 'sk_test_123',
  STRIPE_WEBHOOK_SECRET: 'whsec_123',
  DATA_ENCRYPTION_KEY: TEST_DATA_ENCRYPTION_KEY,
};
const parse = (vars: Record<string, string | undefined>) => parseEnv({ ...base, ...vars });

describe('APP_ENV', () => {
  it('refuses a production build on a public URL without APP_ENV, naming the variable', () => {
    const run = () => parse({ NODE_ENV: 'production', APP_URL: 'https://registration.example.org', ...stripe });
    expect(run).toThrow(EnvError);
    expect(run).toThrow(/APP_ENV: required when NODE_ENV=production/);
    // An empty value is no answer either.
    expect(() => parse({ NODE_ENV: 'production', APP_URL: 'https://registration.example.org', APP_ENV: ' ' })).toThrow(
      /APP_ENV/,
    );
  });

  it('is the cause even without a Stripe key: the demo checkout never runs by default on a public site', () => {
    expect(() => parse({ NODE_ENV: 'production', APP_URL: 'http://203.0.113.7:3000' })).toThrow(/APP_ENV: required/);
  });

  it('starts when the operator says what the deployment is', () => {
    const url = { NODE_ENV: 'production', APP_URL: 'https://registration.example.org' };
    expect(parse({ ...url, APP_ENV: 'production', ...stripe }).APP_ENV).toBe('production');
    expect(parse({ ...url, APP_ENV: 'test' }).APP_ENV).toBe('test');
    expect(parse({ ...url, APP_ENV: 'development' }).APP_ENV).toBe('development');
  });

  it('treats an unknown value as production, with production guards, never as development', () => {
    for (const value of ['staging', 'prod', 'Development', 'dev', 'true']) {
      expect(parse({ APP_ENV: value, ...stripe }).APP_ENV).toBe('production');
      expect(() => parse({ APP_ENV: value })).toThrow(/STRIPE_SECRET_KEY: required when APP_ENV=production/);
      expect(() => parse({ APP_ENV: value, ...stripe, ALLOW_TEST_CLOCK: 'true' })).toThrow(/ALLOW_TEST_CLOCK/);
    }
  });

  it('defaults to development on localhost and outside production builds', () => {
    for (const url of ['http://localhost:3000', 'http://127.0.0.1:3100', 'http://[::1]:3000', 'http://app.localhost']) {
      expect(parse({ NODE_ENV: 'production', APP_URL: url }).APP_ENV).toBe('development');
    }
    expect(parse({ NODE_ENV: 'production' }).APP_ENV).toBe('development');
    expect(parse({ NODE_ENV: 'development', APP_URL: 'https://registration.example.org' }).APP_ENV).toBe('development');
    expect(parse({ NODE_ENV: 'test', APP_URL: 'https://registration.example.org' }).APP_ENV).toBe('development');
    expect(parse({}).APP_ENV).toBe('development');
  });

  it('does not take a public host that merely starts like localhost for a local one', () => {
    for (const url of ['https://localhost.example.org', 'https://127.0.0.1.example.org', 'http://0.0.0.0:3000']) {
      expect(() => parse({ NODE_ENV: 'production', APP_URL: url })).toThrow(/APP_ENV: required/);
    }
  });
});

describe('TRUST_PROXY_HOPS', () => {
  it('defaults to 1 and takes only whole numbers from 1', () => {
    expect(parse({}).TRUST_PROXY_HOPS).toBe(1);
    expect(parse({ TRUST_PROXY_HOPS: '2' }).TRUST_PROXY_HOPS).toBe(2);
    for (const bad of ['0', '-1', '1.5', 'two'])
      expect(() => parse({ TRUST_PROXY_HOPS: bad })).toThrow(/TRUST_PROXY_HOPS/);
  });
});

describe('retention periods', () => {
  it('default to 30 days for sensitive data and 730 for other personal data', () => {
    const env = parse({});
    expect(env.SENSITIVE_DATA_RETENTION_DAYS).toBe(30);
    expect(env.PERSONAL_DATA_RETENTION_DAYS).toBe(730);
    expect(parse({ SENSITIVE_DATA_RETENTION_DAYS: '7', PERSONAL_DATA_RETENTION_DAYS: '365' })).toMatchObject({
      SENSITIVE_DATA_RETENTION_DAYS: 7,
      PERSONAL_DATA_RETENTION_DAYS: 365,
    });
  });

  it('take only whole days from 1 to 3650, naming the variable', () => {
    for (const name of ['SENSITIVE_DATA_RETENTION_DAYS', 'PERSONAL_DATA_RETENTION_DAYS']) {
      for (const bad of ['0', '-5', '1.5', 'thirty', '3651'])
        expect(() => parse({ [name]: bad })).toThrow(new RegExp(name));
    }
  });

  it('refuse to keep other personal data for less time than sensitive data', () => {
    expect(() => parse({ SENSITIVE_DATA_RETENTION_DAYS: '90', PERSONAL_DATA_RETENTION_DAYS: '60' })).toThrow(
      /PERSONAL_DATA_RETENTION_DAYS: must be at least/,
    );
    expect(
      parse({ SENSITIVE_DATA_RETENTION_DAYS: '60', PERSONAL_DATA_RETENTION_DAYS: '60' }).PERSONAL_DATA_RETENTION_DAYS,
    ).toBe(60);
  });
});
