import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds the `detecting` image status, set while a detector runs the job, and the `timeline_events`
 * table with one row per step of an image's processing. Images stored before this migration get
 * the entries their row can tell: uploaded, and completed or failed.
 */
export class AddDetectingStatusAndTimeline1766200000000 implements MigrationInterface {
  name = 'AddDetectingStatusAndTimeline1766200000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`alter table images drop constraint images_status_check`);
    await queryRunner.query(`alter table images add constraint images_status_check check (status in ('queued', 'detecting', 'done', 'failed'))`);

    // event_id is unique so that a redelivered event adds no second row. Entries that no event
    // carries (the stored step, the entries below) use an id derived from an event or the image.
    await queryRunner.query(`
      create table timeline_events (
        id bigint generated always as identity primary key,
        image_id uuid not null constraint timeline_events_image_id_fkey references images (id) on delete cascade,
        type text not null
          constraint timeline_events_type_check check (type in ('uploaded', 'started', 'retried', 'completed', 'failed', 'stored')),
        at timestamptz not null,
        details jsonb not null default '{}',
        event_id text not null constraint timeline_events_event_id_key unique
      )
    `);
    await queryRunner.query(`create index timeline_events_image_id_at_idx on timeline_events (image_id, at)`);

    // An image row without an object key was created by a detection event whose upload event never arrived.
    await queryRunner.query(`
      insert into timeline_events (image_id, type, at, event_id)
      select id, 'uploaded', uploaded_at, 'migrated/' || id || '/uploaded' from images where object_key is not null
    `);
    await queryRunner.query(`
      insert into timeline_events (image_id, type, at, details, event_id)
      select id, 'completed', completed_at,
             jsonb_strip_nulls(jsonb_build_object('detectorId', detector_id, 'executionProvider', execution_provider,
                                                  'decodeMs', decode_ms, 'inferenceMs', inference_ms, 'totalMs', total_ms)),
             'migrated/' || id || '/completed'
      from images where status = 'done' and completed_at is not null
    `);
    await queryRunner.query(`
      insert into timeline_events (image_id, type, at, details, event_id)
      select id, 'failed', completed_at,
             jsonb_strip_nulls(jsonb_build_object('detectorId', detector_id, 'reason', failure_reason, 'message', failure_message)),
             'migrated/' || id || '/failed'
      from images where status = 'failed' and completed_at is not null
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop table timeline_events`);
    // The older constraint has no detecting status; such an image is waiting for its result like a queued one.
    await queryRunner.query(`update images set status = 'queued' where status = 'detecting'`);
    await queryRunner.query(`alter table images drop constraint images_status_check`);
    await queryRunner.query(`alter table images add constraint images_status_check check (status in ('queued', 'done', 'failed'))`);
  }
}
