import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Creates the webhook registrations, their delivery outbox and the record of every delivery attempt.
 * Deleting a webhook deletes its deliveries and attempts.
 */
export class CreateWebhooks1766000000000 implements MigrationInterface {
  name = 'CreateWebhooks1766000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // NOTE: secret is the HMAC signing key in plain text, because signing needs the key itself.
    // Encryption at rest would wrap it with a KMS data key in WebhooksRepository on insert and read.
    await queryRunner.query(`
      create table webhooks (
        id uuid primary key,
        url text not null,
        filter jsonb not null,
        description text,
        secret text not null,
        created_at timestamptz not null default now()
      )
    `);

    await queryRunner.query(`
      create table webhook_deliveries (
        id bigint generated always as identity primary key,
        webhook_id uuid not null constraint webhook_deliveries_webhook_id_fkey references webhooks (id) on delete cascade,
        event_id text not null,
        subject text not null,
        image_id text not null,
        payload jsonb not null,
        status text not null default 'pending'
          constraint webhook_deliveries_status_check check (status in ('pending', 'delivered', 'failed')),
        attempts integer not null default 0,
        next_attempt_at timestamptz not null default now(),
        created_at timestamptz not null default now(),
        completed_at timestamptz,
        constraint webhook_deliveries_webhook_id_event_id_key unique (webhook_id, event_id)
      )
    `);
    // Serves the delivery worker's search for due deliveries.
    await queryRunner.query(`create index webhook_deliveries_due_idx on webhook_deliveries (next_attempt_at) where status = 'pending'`);
    // Serves the newest-first listing of one webhook's deliveries.
    await queryRunner.query(`create index webhook_deliveries_webhook_id_id_idx on webhook_deliveries (webhook_id, id)`);

    await queryRunner.query(`
      create table webhook_attempts (
        delivery_id bigint not null constraint webhook_attempts_delivery_id_fkey references webhook_deliveries (id) on delete cascade,
        attempt integer not null,
        attempted_at timestamptz not null,
        status_code integer,
        error text,
        duration_ms integer not null,
        primary key (delivery_id, attempt)
      )
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table webhook_attempts`);
    await queryRunner.query(`drop table webhook_deliveries`);
    await queryRunner.query(`drop table webhooks`);
  }
}
