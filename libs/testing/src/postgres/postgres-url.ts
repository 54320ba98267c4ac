export interface PostgresCoordinates {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
}

export function formatPostgresUrl(coordinates: PostgresCoordinates): string {
  const user = encodeURIComponent(coordinates.user);
  const password = encodeURIComponent(coordinates.password);
  const database = encodeURIComponent(coordinates.database);
  return `postgres://${user}:${password}@${coordinates.host}:${coordinates.port}/${database}`;
}

/** Returns the same server URL pointing at another database. */
export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${encodeURIComponent(database)}`;
  return parsed.toString();
}
