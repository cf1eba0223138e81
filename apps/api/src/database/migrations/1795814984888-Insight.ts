import { MigrationInterface, QueryRunner } from 'typeorm';

export class Insight1795814984888 implements MigrationInterface {
  name = 'Insight1795814984888';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"aspiration_analysis\" (\"aspiration_id\" uuid NOT NULL, \"model_version\" character varying(80) NOT NULL, \"predicted_category\" character varying(40) NOT NULL, \"confidence\" real NOT NULL, \"reasons\" jsonb NOT NULL, \"alternatives\" jsonb NOT NULL, \"sentiment\" character varying(8) NOT NULL, \"sentiment_score\" real NOT NULL, \"keywords\" jsonb NOT NULL, \"needs_review\" boolean NOT NULL, \"duplicate_of\" uuid, \"duplicate_score\" real, \"analyzed_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_52b204c9acbef5c0673a22604be\" PRIMARY KEY (\"aspiration_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_1ee24ce526669048b7efb9f127\" ON \"aspiration_analysis\" (\"predicted_category\") ");
    await queryRunner.query("CREATE INDEX \"IDX_dbd4978358e14469b91906d529\" ON \"aspiration_analysis\" (\"sentiment\") ");
    await queryRunner.query("CREATE INDEX \"IDX_d58d1b957a6c966e6fb87485ad\" ON \"aspiration_analysis\" (\"duplicate_of\") ");
    await queryRunner.query("CREATE INDEX \"IDX_72b4963605446f0d07f33a763f\" ON \"aspiration_analysis\" (\"needs_review\", \"analyzed_at\") ");
    await queryRunner.query("CREATE TABLE \"insight_emerging\" (\"week_start\" date NOT NULL, \"category_code\" character varying(40) NOT NULL, \"kecamatan_code\" character varying(13) NOT NULL, \"count\" integer NOT NULL, \"baseline\" real NOT NULL, \"p_value\" double precision NOT NULL, \"keywords\" jsonb NOT NULL, \"detected_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_0dd967e35ff6c321ac1494257fd\" PRIMARY KEY (\"week_start\", \"category_code\", \"kecamatan_code\"))");
    await queryRunner.query("CREATE TABLE \"insight_forecast\" (\"kecamatan_code\" character varying(13) NOT NULL, \"week_start\" date NOT NULL, \"predicted\" real NOT NULL, \"lower\" real, \"upper\" real, \"method\" character varying(40) NOT NULL, \"backtest_smape\" real, \"generated_at\" TIMESTAMP WITH TIME ZONE NOT NULL, CONSTRAINT \"PK_e995fb515719391957abda67084\" PRIMARY KEY (\"kecamatan_code\", \"week_start\"))");
    await queryRunner.query("CREATE TABLE \"insight_label\" (\"aspiration_id\" uuid NOT NULL, \"category_code\" character varying(40) NOT NULL, \"labelled_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_a652823027bfa430962bc8e7162\" PRIMARY KEY (\"aspiration_id\"))");
    await queryRunner.query("CREATE TABLE \"insight_model\" (\"id\" SERIAL NOT NULL, \"kind\" character varying(20) NOT NULL, \"version\" character varying(80) NOT NULL, \"trained_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"corpus_examples\" integer NOT NULL, \"correction_examples\" integer NOT NULL, \"metrics\" jsonb NOT NULL, \"model\" jsonb NOT NULL, \"is_active\" boolean NOT NULL DEFAULT false, \"notes\" text, CONSTRAINT \"PK_8b392084f4c67f62aabfd2b5b4a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_5cd5a3053318e97e2a25d7134e\" ON \"insight_model\" (\"version\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"insight_model_one_active\" ON \"insight_model\" (\"kind\") WHERE \"is_active\"");
    await queryRunner.query("CREATE TABLE \"insight_trend_week\" (\"week_start\" date NOT NULL, \"kecamatan_code\" character varying(13) NOT NULL, \"category_code\" character varying(40) NOT NULL, \"count\" integer NOT NULL, \"per1000\" numeric(10,3), CONSTRAINT \"PK_8ac06c151594fc8841d40248536\" PRIMARY KEY (\"week_start\", \"kecamatan_code\", \"category_code\"))");
    await queryRunner.query("ALTER TABLE \"aspiration_analysis\" ADD CONSTRAINT \"FK_52b204c9acbef5c0673a22604be\" FOREIGN KEY (\"aspiration_id\") REFERENCES \"aspiration\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"insight_label\" ADD CONSTRAINT \"FK_a652823027bfa430962bc8e7162\" FOREIGN KEY (\"aspiration_id\") REFERENCES \"aspiration\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"insight_label\" DROP CONSTRAINT \"FK_a652823027bfa430962bc8e7162\"");
    await queryRunner.query("ALTER TABLE \"aspiration_analysis\" DROP CONSTRAINT \"FK_52b204c9acbef5c0673a22604be\"");
    await queryRunner.query("DROP TABLE \"insight_trend_week\"");
    await queryRunner.query("DROP INDEX \"public\".\"insight_model_one_active\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_5cd5a3053318e97e2a25d7134e\"");
    await queryRunner.query("DROP TABLE \"insight_model\"");
    await queryRunner.query("DROP TABLE \"insight_label\"");
    await queryRunner.query("DROP TABLE \"insight_forecast\"");
    await queryRunner.query("DROP TABLE \"insight_emerging\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_72b4963605446f0d07f33a763f\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_d58d1b957a6c966e6fb87485ad\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_dbd4978358e14469b91906d529\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_1ee24ce526669048b7efb9f127\"");
    await queryRunner.query("DROP TABLE \"aspiration_analysis\"");
  }
}
