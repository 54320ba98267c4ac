import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';

import type { WebhookFilter } from './webhook-filter.js';
import type { WebhookRecord } from './webhook.record.js';

interface WebhookRow {
  id: string;
  url: string;
  filter: WebhookFilter;
  description: string | null;
  secret: string;
  created_at: Date;
}

const COLUMNS = 'id, url, filter, description, secret, created_at';

function toRecord(row: WebhookRow): WebhookRecord {
  return { id: row.id, url: row.url, filter: row.filter, description: row.description, secret: row.secret, createdAt: row.created_at };
}

/** The only code that reads and writes the `webhooks` table. */
@Injectable()
export class WebhooksRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async insert(webhook: Omit<WebhookRecord, 'createdAt'>): Promise<WebhookRecord> {
    // NOTE: the secret is stored in plain text. Encrypting it at rest (for example with a KMS data
    // key) would happen here and in toRecord, the only places that write and read the column.
    const rows: WebhookRow[] = await this.dataSource.query(
      `insert into webhooks (id, url, filter, description, secret) values ($1, $2, $3::jsonb, $4, $5) returning ${COLUMNS}`,
      [webhook.id, webhook.url, JSON.stringify(webhook.filter), webhook.description, webhook.secret],
    );
    return toRecord(rows[0]!);
  }

  async findAll(): Promise<WebhookRecord[]> {
    const rows: WebhookRow[] = await this.dataSource.query(`select ${COLUMNS} from webhooks order by created_at, id`);
    return rows.map(toRecord);
  }

  async findById(id: string): Promise<WebhookRecord | null> {
    const rows: WebhookRow[] = await this.dataSource.query(`select ${COLUMNS} from webhooks where id = $1`, [id]);
    return rows[0] === undefined ? null : toRecord(rows[0]);
  }

  /** Deletes a webhook with its deliveries and attempts. Returns false when it did not exist. */
  async delete(id: string): Promise<boolean> {
    // DataSource.query returns [rows, count] for a bare DELETE, so the statement is wrapped to return rows only.
    const rows: unknown[] = await this.dataSource.query(`with deleted as (delete from webhooks where id = $1 returning id) select id from deleted`, [id]);
    return rows.length > 0;
  }
}
