import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutboxPendingByTopic1795813703998 implements MigrationInterface {
  name = 'OutboxPendingByTopic1795813703998';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"outbox_pending_idx\"");
    await queryRunner.query("CREATE INDEX \"outbox_pending_idx\" ON \"outbox\" (\"topic\", \"id\") WHERE \"dispatched_at\" IS NULL");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"outbox_pending_idx\"");
    await queryRunner.query("CREATE INDEX \"outbox_pending_idx\" ON \"outbox\" (\"id\") WHERE (dispatched_at IS NULL)");
  }
}
