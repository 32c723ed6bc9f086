import pg from "pg";

/** One statement on its own connection: for creating and dropping databases around tests. */
export async function runSql<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

function withDatabase(url: string, database: string): string {
  const next = new URL(url);
  next.pathname = `/${database}`;
  return next.toString();
}

/**
 * An empty database of its own on the server `serverUrl` points at, for tests whose subject is a
 * whole database (migrations, "the first user").
 */
export function scratchDatabase(serverUrl: string, label: string) {
  const name = `lumigate_${label}_${Date.now()}_${process.pid}`;
  const adminUrl = withDatabase(serverUrl, "postgres");
  return {
    url: withDatabase(serverUrl, name),
    create: () => runSql(adminUrl, `CREATE DATABASE ${pg.escapeIdentifier(name)}`).then(() => undefined),
    drop: () => runSql(adminUrl, `DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`).then(() => undefined),
  };
}
