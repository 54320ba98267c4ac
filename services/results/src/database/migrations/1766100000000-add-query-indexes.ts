import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Indexes for the filtered listing, the label statistics and the COCO export. Three of them replace
 * narrower indexes whose every use the new ones serve. PostgreSQL scans the ascending
 * (uploaded_at, id) index backwards for the newest-first order, so it needs no descending copy.
 */
export class AddQueryIndexes1766100000000 implements MigrationInterface {
  name = 'AddQueryIndexes1766100000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Finds the images with a good detection of one label, from the best score down, without
    // reading the table: it serves label + minScore listings of rare labels and the join back to images.
    await queryRunner.query(`create index detections_label_score_image_id_idx on detections (label, score desc, image_id) include (model_id)`);
    await queryRunner.query(`drop index detections_label_score_idx`);

    // Answers "has this image a detection of this label and score from its current model" with
    // one index seek, and gives the statistics label and score without reading the table.
    // Its (image_id, model_id) prefix serves the delete that replaces a result, and the cascade.
    await queryRunner.query(`create index detections_image_id_model_id_label_score_idx on detections (image_id, model_id, label, score)`);
    await queryRunner.query(`drop index detections_image_id_model_id_idx`);

    // Serves the newest-first order and the cursor like the index it replaces. The included columns
    // let the listing test each image's model and status, and join its detections, without reading
    // the row, which matters for a filter that skips thousands of images to fill a page.
    await queryRunner.query(
      `create index images_uploaded_at_id_covering_idx on images (uploaded_at, id) include (model_id, model_version, status)`,
    );
    await queryRunner.query(`drop index images_uploaded_at_id_idx`);

    // Listings and statistics filtered by model, newest first.
    await queryRunner.query(`create index images_model_id_model_version_uploaded_at_id_idx on images (model_id, model_version, uploaded_at, id)`);

    // Queued and failed images are few, so listing them by status reads a small index.
    await queryRunner.query(`create index images_unfinished_uploaded_at_id_idx on images (status, uploaded_at, id) where status <> 'done'`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`drop index images_unfinished_uploaded_at_id_idx`);
    await queryRunner.query(`drop index images_model_id_model_version_uploaded_at_id_idx`);
    await queryRunner.query(`create index images_uploaded_at_id_idx on images (uploaded_at, id)`);
    await queryRunner.query(`drop index images_uploaded_at_id_covering_idx`);
    await queryRunner.query(`create index detections_image_id_model_id_idx on detections (image_id, model_id)`);
    await queryRunner.query(`drop index detections_image_id_model_id_label_score_idx`);
    await queryRunner.query(`create index detections_label_score_idx on detections (label, score)`);
    await queryRunner.query(`drop index detections_label_score_image_id_idx`);
  }
}
