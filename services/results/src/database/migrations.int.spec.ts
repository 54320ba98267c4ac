import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase } from '@lookout/testing';
import type { DataSource } from 'typeorm';

import { createDataSource } from './data-source.js';

async function tableNames(dataSource: DataSource): Promise<string[]> {
  const rows: Array<{ table_name: string }> = await dataSource.query(
    `select table_name from information_schema.tables where table_schema = 'public' and table_name in ('images', 'detections') order by table_name`,
  );
  return rows.map((row) => row.table_name);
}

describe('results migrations', () => {
  let dataSource: DataSource;

  beforeAll(async () => {
    dataSource = createDataSource(await createTestDatabase('results_migrations'));
    await dataSource.initialize();
  });

  afterAll(async () => {
    await dataSource?.destroy();
  });

  it('creates the tables and indexes on a fresh database', async () => {
    expect(await tableNames(dataSource)).toEqual([]);

    const applied = await dataSource.runMigrations({ transaction: 'all' });

    expect(applied.map((migration) => migration.name)).toEqual([
      'CreateImagesAndDetections1764800000000',
      'AddImagePagesAndOptions1765000000000',
      'CreateWebhooks1766000000000',
      'AddQueryIndexes1766100000000',
      'AddDetectingStatusAndTimeline1766200000000',
    ]);
    expect(await tableNames(dataSource)).toEqual(['detections', 'images']);
    const indexes: Array<{ indexname: string; indexdef: string }> = await dataSource.query(
      `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename in ('images', 'detections') order by indexname`,
    );
    expect(indexes.map((index) => index.indexname)).toEqual([
      'detections_image_id_model_id_label_score_idx',
      'detections_label_score_image_id_idx',
      'detections_pkey',
      'images_model_id_model_version_uploaded_at_id_idx',
      'images_pkey',
      'images_unfinished_uploaded_at_id_idx',
      'images_uploaded_at_id_covering_idx',
    ]);
    expect(indexes.find((index) => index.indexname === 'detections_label_score_image_id_idx')?.indexdef).toContain('(label, score DESC, image_id)');
  });

  it('adds nullable pages, options, applied options and batch size to images', async () => {
    const columns: Array<{ column_name: string; data_type: string; is_nullable: string }> = await dataSource.query(
      `select column_name, data_type, is_nullable from information_schema.columns
       where table_schema = 'public' and table_name = 'images' and column_name in ('pages', 'options', 'applied_options', 'batch_size')
       order by column_name`,
    );

    expect(columns).toEqual([
      { column_name: 'applied_options', data_type: 'jsonb', is_nullable: 'YES' },
      { column_name: 'batch_size', data_type: 'integer', is_nullable: 'YES' },
      { column_name: 'options', data_type: 'jsonb', is_nullable: 'YES' },
      { column_name: 'pages', data_type: 'integer', is_nullable: 'YES' },
    ]);
  });

  it('reports nothing pending after the first run', async () => {
    expect(await dataSource.showMigrations()).toBe(false);
    expect(await dataSource.runMigrations()).toEqual([]);
  });

  it('matches the entity metadata, so no schema change is pending', async () => {
    const pending = await dataSource.driver.createSchemaBuilder().log();

    expect(pending.upQueries.map((query) => query.query)).toEqual([]);
  });

  it('deletes detections with their image', async () => {
    const id = '3f0c7a1e-9a0b-4c55-8e2f-0d1e2f3a4b5c';
    await dataSource.query(`insert into images (id, status, uploaded_at) values ($1, 'queued', now())`, [id]);
    await dataSource.query(
      `insert into detections (image_id, label, class_id, score, x1, y1, x2, y2, model_id, model_version)
       values ($1, 'dog', 16, 0.9, 0, 0, 1, 1, 'm', '1')`,
      [id],
    );

    await dataSource.query(`delete from images where id = $1`, [id]);

    const [{ count }]: Array<{ count: string }> = await dataSource.query(`select count(*) from detections where image_id = $1`, [id]);
    expect(count).toBe('0');
  });

  it('rejects an unknown status', async () => {
    await expect(
      dataSource.query(`insert into images (id, status, uploaded_at) values ('6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2d', 'lost', now())`),
    ).rejects.toThrow(/images_status_check/);
  });

  it('accepts the detecting status and keeps one timeline entry per event id', async () => {
    const id = '7c1d2e3f-4a5b-4c6d-8e7f-8091a2b3c4d5';
    await dataSource.query(`insert into images (id, status, uploaded_at) values ($1, 'detecting', now())`, [id]);
    const insertEntry = () =>
      dataSource.query(`insert into timeline_events (image_id, type, at, event_id) values ($1, 'started', now(), 'event-1') on conflict (event_id) do nothing`, [id]);

    await insertEntry();
    await insertEntry();

    const [{ count }]: Array<{ count: number }> = await dataSource.query(`select count(*)::int as count from timeline_events where image_id = $1`, [id]);
    expect(count).toBe(1);
    await expect(dataSource.query(`insert into timeline_events (image_id, type, at, event_id) values ($1, 'lost', now(), 'event-2')`, [id])).rejects.toThrow(
      /timeline_events_type_check/,
    );
    await dataSource.query(`delete from images where id = $1`, [id]);
  });

  it('fills the timeline of images stored before it', async () => {
    await dataSource.undoLastMigration({ transaction: 'all' });
    const done = '8d2e3f4a-5b6c-4d7e-8f80-91a2b3c4d5e6';
    const failed = '9e3f4a5b-6c7d-4e8f-9091-a2b3c4d5e6f7';
    await dataSource.query(
      `insert into images (id, status, object_key, uploaded_at, completed_at, detector_id, execution_provider, decode_ms, inference_ms, total_ms)
       values ($1, 'done', 'images/a.jpg', '2025-12-04T10:00:00Z', '2025-12-04T10:00:02Z', 'detector-a', 'cpu', 1.5, 20, 25)`,
      [done],
    );
    await dataSource.query(
      `insert into images (id, status, uploaded_at, completed_at, detector_id, failure_reason, failure_message)
       values ($1, 'failed', '2025-12-04T11:00:00Z', '2025-12-04T11:00:00Z', 'detector-b', 'decode_failed', 'not an image')`,
      [failed],
    );

    await dataSource.runMigrations({ transaction: 'all' });

    const entries: Array<{ image_id: string; type: string; details: object }> = await dataSource.query(
      `select image_id, type, details from timeline_events order by image_id, at, type`,
    );
    expect(entries).toEqual([
      { image_id: done, type: 'uploaded', details: {} },
      { image_id: done, type: 'completed', details: { detectorId: 'detector-a', executionProvider: 'cpu', decodeMs: 1.5, inferenceMs: 20, totalMs: 25 } },
      // No object key means the upload event never arrived, so only the failure is known.
      { image_id: failed, type: 'failed', details: { detectorId: 'detector-b', reason: 'decode_failed', message: 'not an image' } },
    ]);
    await dataSource.query(`delete from images where id in ($1, $2)`, [done, failed]);
  });

  it('reverts cleanly', async () => {
    await dataSource.undoLastMigration({ transaction: 'all' });
    const [{ timelines }]: Array<{ timelines: number }> = await dataSource.query(
      `select count(*)::int as timelines from information_schema.tables where table_name = 'timeline_events'`,
    );
    expect(timelines).toBe(0);
    await expect(dataSource.query(`insert into images (id, status, uploaded_at) values ('6a5b4c3d-2e1f-4a0b-9c8d-7e6f5a4b3c2e', 'detecting', now())`)).rejects.toThrow(
      /images_status_check/,
    );

    await dataSource.undoLastMigration({ transaction: 'all' });
    await dataSource.undoLastMigration({ transaction: 'all' });
    await dataSource.undoLastMigration({ transaction: 'all' });
    const [{ count }]: Array<{ count: number }> = await dataSource.query(
      `select count(*)::int as count from information_schema.columns where table_name = 'images' and column_name = 'pages'`,
    );
    expect(count).toBe(0);

    await dataSource.undoLastMigration({ transaction: 'all' });

    expect(await tableNames(dataSource)).toEqual([]);
  });
});
