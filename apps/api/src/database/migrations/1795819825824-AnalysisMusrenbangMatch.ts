import { MigrationInterface, QueryRunner } from 'typeorm';

export class AnalysisMusrenbangMatch1795819825824 implements MigrationInterface {
  name = 'AnalysisMusrenbangMatch1795819825824';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"aspiration_analysis\" ADD \"musrenbang_proposal_id\" uuid");
    await queryRunner.query("ALTER TABLE \"aspiration_analysis\" ADD \"musrenbang_score\" real");
    await queryRunner.query("CREATE INDEX \"IDX_227cca0289db353135220d8608\" ON \"aspiration_analysis\" (\"musrenbang_proposal_id\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_227cca0289db353135220d8608\"");
    await queryRunner.query("ALTER TABLE \"aspiration_analysis\" DROP COLUMN \"musrenbang_score\"");
    await queryRunner.query("ALTER TABLE \"aspiration_analysis\" DROP COLUMN \"musrenbang_proposal_id\"");
  }
}
