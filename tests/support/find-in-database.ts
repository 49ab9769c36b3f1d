// Searches every text-like column of every table (all schemas but Postgres's own) for a string, case-insensitively:
// what a plain dump of the database would show. Answers "schema.table.column" of each hit.
import type postgres from 'postgres';

export async function findInDatabase(sql: postgres.Sql, needle: string): Promise<string[]> {
  const columns = await sql<{ schema: string; table: string; column: string }[]>`
    select c.table_schema as schema, c.table_name as table, c.column_name as column
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name and t.table_type = 'BASE TABLE'
    where c.table_schema not in ('pg_catalog', 'information_schema')
      and c.data_type in ('text', 'character varying', 'character', 'json', 'jsonb', 'USER-DEFINED', 'ARRAY')`;
  const hits: string[] = [];
  for (const { schema, table, column } of columns) {
    const [row] = await sql<
      { n: number }[]
    >`select count(*)::int as n from ${sql(schema)}.${sql(table)} where ${sql(column)}::text ilike ${`%${needle}%`}`;
    if (row && row.n > 0) hits.push(`${schema}.${table}.${column}`);
  }
  return hits;
}
