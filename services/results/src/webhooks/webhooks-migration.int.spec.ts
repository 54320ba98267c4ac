import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { DataSource } from 'typeorm';

import { createMigratedDataSource } from '../../test/migrated-data-source.js';

const WEBHOOK_TABLES = ['webhook_attempts', 'webhook_deliveries', 'webhooks'];

async function webhookTables(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await dataSource.query(
    `select table_name from information_schema.tables where table_schema = 'public' and table_name = any($1) order by table_name`,
    [WEBHOOK_TABLES],
  );
  return rows.map((row) => row.table_name);
}

describe('webhooks migration', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    ({ dataSource } = await createMigratedDataSource('results_webhooks_migration'));
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('creates the webhook tables', async () => {
    expect(await webhookTables(dataSource)).toEqual(WEBHOOK_TABLES);
  });

  it('keeps one delivery per webhook and event id', async () => {
    const webhookId = '0b6f5f4e-8f4c-4d51-9f0e-2a3c4b5d6e7f';
    await dataSource.query(`insert into webhooks (id, url, filter, secret) values ($1, 'https://hooks.example.com/', '{}', 's')`, [webhookId]);
    const insert = `insert into webhook_deliveries (webhook_id, event_id, subject, image_id, payload)
                    values ($1, 'event-1', 'detections.completed.v1', 'image-1', '{}') on conflict do nothing returning id`;

    expect(await dataSource.query(insert, [webhookId])).toHaveLength(1);
    expect(await dataSource.query(insert, [webhookId])).toHaveLength(0);
  });

  it('drops the webhook tables when reverted', async () => {
    // Later migrations are reverted first, down to this one.
    let reverted = false;
    while (!reverted) {
      const applied: Array<{ name: string }> = await dataSource.query(`select name from typeorm_migrations order by id desc limit 1`);
      reverted = applied[0]?.name === 'CreateWebhooks1766000000000';
      await dataSource.undoLastMigration({ transaction: 'all' });
    }

    expect(await webhookTables(dataSource)).toEqual([]);
  });
});
