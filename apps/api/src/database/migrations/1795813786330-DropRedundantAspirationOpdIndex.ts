import { MigrationInterface, QueryRunner } from 'typeorm';

export class DropRedundantAspirationOpdIndex1795813786330 implements MigrationInterface {
  name = 'DropRedundantAspirationOpdIndex1795813786330';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_6abd7188535b45978b4bbdc469\"");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE INDEX \"IDX_6abd7188535b45978b4bbdc469\" ON \"aspiration\" (\"opd_id\") ");
  }
}
