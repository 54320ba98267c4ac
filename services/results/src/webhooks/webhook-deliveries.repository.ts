import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { CloudEvent } from '@lookout/contracts';
import { DataSource } from 'typeorm';

import { matchesFilter, type WebhookFilter, type WebhookSubject } from './webhook-filter.js';
import type { AttemptRecord, ClaimedDelivery, DeliveryRecord, DeliveryStatus } from './webhook.record.js';

/** A queued delivery, for logging. */
export interface QueuedDelivery {
  id: string;
  webhookId: string;
}

/** State of a delivery after one attempt: delivered, pending another attempt after a delay, or failed for good. */
export type AttemptOutcome = { status: 'delivered' } | { status: 'pending'; retryInMs: number } | { status: 'failed' };

export interface DeliveryPageFilter {
  webhookId: string;
  /** Only deliveries with a smaller id, from the previous page's last row. */
  beforeId?: string;
  take: number;
}

interface DeliveryRow {
  id: string;
  webhook_id: string;
  event_id: string;
  subject: WebhookSubject;
  image_id: string;
  status: DeliveryStatus;
  next_attempt_at: Date;
  created_at: Date;
  completed_at: Date | null;
}

interface AttemptRow {
  delivery_id: string;
  attempt: number;
  attempted_at: Date;
  status_code: number | null;
  error: string | null;
  duration_ms: number;
}

/**
 * The only code that reads and writes `webhook_deliveries` and `webhook_attempts`, the outbox that
 * the delivery worker empties. UPDATE statements are wrapped in a CTE because DataSource.query
 * returns `[rows, count]` for a bare UPDATE.
 */
@Injectable()
export class WebhookDeliveriesRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Queues one delivery of the event for each webhook whose filter it passes, in one transaction.
   * Only webhooks created before `storedAt` take part, so replaying old events after a consumer is
   * recreated reaches no webhook registered later. A delivery that already exists for the same
   * webhook and event id is kept as it is, so a redelivered event queues nothing twice.
   */
  async enqueue(subject: WebhookSubject, event: CloudEvent<unknown>, storedAt: Date): Promise<QueuedDelivery[]> {
    return this.dataSource.transaction(async (manager) => {
      const webhooks: Array<{ id: string; filter: WebhookFilter }> = await manager.query(
        `select id, filter from webhooks where created_at <= $1 order by id`,
        [storedAt],
      );
      const matching = webhooks.filter((webhook) => matchesFilter(webhook.filter, subject, event));
      if (matching.length === 0) {
        return [];
      }
      const rows: Array<{ id: string; webhook_id: string }> = await manager.query(
        `insert into webhook_deliveries (webhook_id, event_id, subject, image_id, payload)
         select webhook_id, $2::text, $3::text, $4::text, $5::jsonb from unnest($1::uuid[]) as webhook_id
         on conflict (webhook_id, event_id) do nothing
         returning id, webhook_id`,
        [matching.map((webhook) => webhook.id), event.id, subject, event.subject, JSON.stringify(event)],
      );
      return rows.map((row) => ({ id: row.id, webhookId: row.webhook_id }));
    });
  }

  /**
   * Claims up to `limit` due deliveries for this worker by moving their next attempt `leaseMs` ahead.
   * SKIP LOCKED lets several replicas claim at once without waiting on or sharing rows. A worker that
   * stops before recording its attempt leaves the delivery due again when the lease ends.
   */
  async claimDue(limit: number, leaseMs: number): Promise<ClaimedDelivery[]> {
    const rows: Array<{
      id: string;
      webhook_id: string;
      url: string;
      secret: string;
      event_id: string;
      subject: WebhookSubject;
      image_id: string;
      payload: unknown;
      attempts: number;
    }> = await this.dataSource.query(
      `with due as (
         select id from webhook_deliveries
         where status = 'pending' and next_attempt_at <= now()
         order by next_attempt_at
         limit $1
         for update skip locked
       ), claimed as (
         update webhook_deliveries delivery
         set next_attempt_at = now() + $2::double precision * interval '1 millisecond'
         from due
         where delivery.id = due.id
         returning delivery.id, delivery.webhook_id, delivery.event_id, delivery.subject, delivery.image_id, delivery.payload, delivery.attempts
       )
       select claimed.*, webhook.url, webhook.secret
       from claimed join webhooks webhook on webhook.id = claimed.webhook_id`,
      [limit, leaseMs],
    );
    return rows.map((row) => ({
      id: row.id,
      webhookId: row.webhook_id,
      url: row.url,
      secret: row.secret,
      eventId: row.event_id,
      subject: row.subject,
      imageId: row.image_id,
      payload: row.payload,
      attempts: row.attempts,
    }));
  }

  /**
   * Stores one attempt and the delivery's new state in one transaction. Returns the attempt number,
   * or undefined when the delivery no longer exists (its webhook was deleted meanwhile).
   */
  async recordAttempt(deliveryId: string, attempt: Omit<AttemptRecord, 'attempt'>, outcome: AttemptOutcome): Promise<number | undefined> {
    return this.dataSource.transaction(async (manager) => {
      const retryInMs = outcome.status === 'pending' ? outcome.retryInMs : 0;
      const updated: Array<{ attempts: number }> = await manager.query(
        `with updated as (
           update webhook_deliveries
           set attempts = attempts + 1,
               status = $2::text,
               next_attempt_at = now() + $3::double precision * interval '1 millisecond',
               completed_at = case when $2::text = 'pending' then null else now() end
           where id = $1 and status = 'pending'
           returning attempts
         )
         select attempts from updated`,
        [deliveryId, outcome.status, retryInMs],
      );
      const attemptNumber = updated[0]?.attempts;
      if (attemptNumber === undefined) {
        return undefined;
      }
      await manager.query(
        `insert into webhook_attempts (delivery_id, attempt, attempted_at, status_code, error, duration_ms) values ($1, $2, $3, $4, $5, $6)`,
        [deliveryId, attemptNumber, attempt.attemptedAt, attempt.statusCode, attempt.error, Math.round(attempt.durationMs)],
      );
      return attemptNumber;
    });
  }

  /** Lists a webhook's deliveries newest first, each with its attempts. */
  async findPage(filter: DeliveryPageFilter): Promise<DeliveryRecord[]> {
    const rows: DeliveryRow[] = await this.dataSource.query(
      `select id, webhook_id, event_id, subject, image_id, status, next_attempt_at, created_at, completed_at
       from webhook_deliveries
       where webhook_id = $1 and ($2::bigint is null or id < $2::bigint)
       order by id desc
       limit $3`,
      [filter.webhookId, filter.beforeId ?? null, filter.take],
    );
    if (rows.length === 0) {
      return [];
    }

    const attemptRows: AttemptRow[] = await this.dataSource.query(
      `select delivery_id, attempt, attempted_at, status_code, error, duration_ms
       from webhook_attempts where delivery_id = any($1::bigint[]) order by delivery_id, attempt`,
      [rows.map((row) => row.id)],
    );
    const attempts = new Map<string, AttemptRecord[]>();
    for (const row of attemptRows) {
      const list = attempts.get(row.delivery_id) ?? [];
      list.push({ attempt: row.attempt, attemptedAt: row.attempted_at, statusCode: row.status_code, error: row.error, durationMs: row.duration_ms });
      attempts.set(row.delivery_id, list);
    }

    return rows.map((row) => ({
      id: row.id,
      webhookId: row.webhook_id,
      eventId: row.event_id,
      subject: row.subject,
      imageId: row.image_id,
      status: row.status,
      attempts: attempts.get(row.id) ?? [],
      nextAttemptAt: row.status === 'pending' ? row.next_attempt_at : null,
      createdAt: row.created_at,
      completedAt: row.completed_at,
    }));
  }
}
