import type { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Adds the frame count and detection options of an upload, and the options and batch size a
 * detector applied. All are nullable because events published before these fields existed lack them.
 */
export class AddImagePagesAndOptions1765000000000 implements MigrationInterface {
  name = 'AddImagePagesAndOptions1765000000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table images
        add column pages integer,
        add column options jsonb,
        add column applied_options jsonb,
        add column batch_size integer
    `);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      alter table images
        drop column batch_size,
        drop column applied_options,
        drop column options,
        drop column pages
    `);
  }
}
