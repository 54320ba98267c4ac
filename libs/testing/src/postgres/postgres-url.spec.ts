import { describe, expect, it } from '@jest/globals';

import { formatPostgresUrl, withDatabase } from './postgres-url.js';

describe('postgres URLs', () => {
  it('encodes credentials', () => {
    const url = formatPostgresUrl({ host: '127.0.0.1', port: 5433, user: 'look out', password: 'p@ss/word', database: 'lookout' });

    expect(url).toBe('postgres://look%20out:p%40ss%2Fword@127.0.0.1:5433/lookout');
  });

  it('switches the database', () => {
    expect(withDatabase('postgres://u:p@127.0.0.1:5433/lookout', 'test_abc')).toBe('postgres://u:p@127.0.0.1:5433/test_abc');
  });
});
