import { createDatabase } from './postgres/create-database.js';
import { testServers } from './test-servers-env.js';
import { uniqueName } from './unique-name.js';

// PostgreSQL truncates identifiers longer than 63 bytes.
const MAX_IDENTIFIER_LENGTH = 63;

/**
 * Creates a new database with a unique name on the test PostgreSQL server and returns its URL,
 * so each integration test file works on its own schema and data.
 */
export function createTestDatabase(prefix = 'test'): Promise<string> {
  return createDatabase(testServers().databaseUrl, uniqueName(prefix, '_', MAX_IDENTIFIER_LENGTH));
}
