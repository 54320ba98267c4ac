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

    expect(applied.map((migration) => migration.name)).toEqual(['CreateImagesAndDetections1764800000000', 'AddImagePagesAndOptions1765000000000']);
    expect(await tableNames(dataSource)).toEqual(['detections', 'images']);
    const indexes: Array<{ indexname: string; indexdef: string }> = await dataSource.query(
      `select indexname, indexdef from pg_indexes where schemaname = 'public' and tablename in ('images', 'detections') order by indexname`,
    );
    expect(indexes.map((index) => index.indexname)).toEqual([
      'detections_image_id_model_id_idx',
      'detections_label_score_idx',
      'detections_pkey',
      'images_pkey',
      'images_uploaded_at_id_idx',
    ]);
    expect(indexes.find((index) => index.indexname === 'detections_label_score_idx')?.indexdef).toContain('(label, score)');
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

  it('reverts cleanly', async () => {
    await dataSource.undoLastMigration({ transaction: 'all' });
    const [{ count }]: Array<{ count: number }> = await dataSource.query(
      `select count(*)::int as count from information_schema.columns where table_name = 'images' and column_name = 'pages'`,
    );
    expect(count).toBe(0);

    await dataSource.undoLastMigration({ transaction: 'all' });

    expect(await tableNames(dataSource)).toEqual([]);
  });
});
