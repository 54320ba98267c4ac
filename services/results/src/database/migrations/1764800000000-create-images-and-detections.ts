import type { MigrationInterface, QueryRunner } from 'typeorm';

/** Creates the `images` and `detections` tables with the indexes the HTTP queries use. */
export class CreateImagesAndDetections1764800000000 implements MigrationInterface {
  name = 'CreateImagesAndDetections1764800000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      create table images (
        id uuid primary key,
        status text not null constraint images_status_check check (status in ('queued', 'done', 'failed')),
        object_key text,
        content_type text,
        bytes integer,
        width integer,
        height integer,
        original_name text,
        model_id text,
        model_version text,
        execution_provider text,
        detector_id text,
        failure_reason text,
        failure_message text,
        decode_ms double precision,
        inference_ms double precision,
        total_ms double precision,
        uploaded_at timestamptz not null,
        completed_at timestamptz,
        updated_at timestamptz not null default now()
      )
    `);
    // Serves the newest-first listing and its (uploaded_at, id) cursor.
    await queryRunner.query(`create index images_uploaded_at_id_idx on images (uploaded_at, id)`);

    await queryRunner.query(`
      create table detections (
        id bigint generated always as identity primary key,
        image_id uuid not null constraint detections_image_id_fkey references images (id) on delete cascade,
        label text not null,
        class_id integer not null,
        score double precision not null,
        x1 double precision not null,
        y1 double precision not null,
        x2 double precision not null,
        y2 double precision not null,
        model_id text not null,
        model_version text not null
      )
    `);
    await queryRunner.query(`create index detections_label_score_idx on detections (label, score)`);
    await queryRunner.query(`create index detections_image_id_model_id_idx on detections (image_id, model_id)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table detections`);
    await queryRunner.query(`drop table images`);
  }
}
