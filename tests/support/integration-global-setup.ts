// Starts (or finds) the test Postgres once, builds a migrated template database, and hands both to the tests.
import postgres from 'postgres';
import type { TestProject } from 'vitest/node';
import { migrateDatabase } from '@/db/migrate';
import { startTestServer, withDatabase } from './postgres-server';

declare module 'vitest' {
  export interface ProvidedContext {
    testAdminUrl: string;
    testTemplateDb: string;
  }
}

export default async function setup(project: TestProject) {
  const server = await startTestServer();
  const template = `conf_tpl_${process.pid}_${Date.now()}`;
  const admin = postgres(server.adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${template}"`);
  await migrateDatabase(withDatabase(server.adminUrl, template));
  project.provide('testAdminUrl', server.adminUrl);
  project.provide('testTemplateDb', template);
  return async () => {
    const leftovers = await admin<
      { datname: string }[]
    >`select datname from pg_database where datname like ${`conf_t_${process.pid}_%`} or datname = ${template}`;
    for (const { datname } of leftovers) await admin.unsafe(`drop database if exists "${datname}" with (force)`);
    await admin.end();
    await server.stop();
  };
}
