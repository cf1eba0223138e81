import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * A message handed to Redis was counted as done, so a Redis that lost its
 * jobs lost the work. Now a message is done when its job has run
 * (processed_at); the dispatcher sends again what the queue lost. Messages
 * dispatched before this change are taken as processed: they were.
 */
export class OutboxProcessed1795900300000 implements MigrationInterface {
  name = 'OutboxProcessed1795900300000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"outbox\" ADD \"processed_at\" TIMESTAMP WITH TIME ZONE");
    await queryRunner.query("UPDATE \"outbox\" SET \"processed_at\" = \"dispatched_at\" WHERE \"dispatched_at\" IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"outbox_unprocessed_idx\" ON \"outbox\" (\"dispatched_at\") WHERE \"dispatched_at\" IS NOT NULL AND \"processed_at\" IS NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"outbox_unprocessed_idx\"");
    await queryRunner.query("ALTER TABLE \"outbox\" DROP COLUMN \"processed_at\"");
  }
}
