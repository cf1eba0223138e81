import { MigrationInterface, QueryRunner } from 'typeorm';

export class Collector1795818335035 implements MigrationInterface {
  name = 'Collector1795818335035';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"data_source\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" character varying(20) NOT NULL, \"name\" character varying(200) NOT NULL, \"settings\" jsonb NOT NULL DEFAULT '{}', \"api_key_enc\" bytea, \"field_mapping\" jsonb NOT NULL DEFAULT '{}', \"cron\" character varying(100), \"enabled\" boolean NOT NULL DEFAULT true, \"timeout_ms\" integer NOT NULL DEFAULT '30000', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"UQ_4dad0bcd9e3ae282a371615d78a\" UNIQUE (\"name\"), CONSTRAINT \"data_source_kind_check\" CHECK (kind IN ('bps', 'opendata_jatim', 'ckan', 'sipd', 'generic_http')), CONSTRAINT \"PK_9775f6b6312a926ed37d3af7d95\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"indicator_observation\" (\"id\" BIGSERIAL NOT NULL, \"source\" character varying(120) NOT NULL, \"indicator\" character varying(300) NOT NULL, \"region_code\" character varying(120) NOT NULL, \"period\" character varying(60) NOT NULL, \"value\" numeric, \"unit\" character varying(60), \"source_id\" uuid, \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_f565b98f4b2af260118698ec68a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"indicator_observation_natural_key\" ON \"indicator_observation\" (\"source\", \"indicator\", \"region_code\", \"period\") ");
    await queryRunner.query("CREATE TABLE \"musrenbang_proposal\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"year\" smallint NOT NULL, \"stage\" character varying(40) NOT NULL, \"external_id\" character varying(60) NOT NULL, \"proposed_on\" date, \"proposer\" character varying(200), \"kelurahan_code\" character varying(13) NOT NULL, \"bidang\" character varying(200), \"problem\" text, \"proposal\" text NOT NULL, \"address\" text, \"lat\" double precision, \"lng\" double precision, \"volume\" numeric, \"unit\" character varying(60), \"estimated_budget\" numeric(18,2), \"opd_initial\" character varying(200), \"opd_final\" character varying(200), \"status\" character varying(20) NOT NULL, \"note\" text, \"source_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"musrenbang_proposal_budget_check\" CHECK (estimated_budget IS NULL OR estimated_budget >= 0), CONSTRAINT \"musrenbang_proposal_status_check\" CHECK (status IN ('diusulkan', 'diakomodir', 'tidak diakomodir', 'menunggu')), CONSTRAINT \"PK_e779e15ca0042e10c6b8adb8ff9\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_05acef920e4787cfbfac1496bc\" ON \"musrenbang_proposal\" (\"kelurahan_code\") ");
    await queryRunner.query("CREATE INDEX \"IDX_c131a52284ecb513d519f30435\" ON \"musrenbang_proposal\" (\"status\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"musrenbang_proposal_natural_key\" ON \"musrenbang_proposal\" (\"year\", \"stage\", \"external_id\", \"kelurahan_code\") ");
    await queryRunner.query("CREATE TABLE \"musrenbang_proposal_link\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"proposal_id\" uuid NOT NULL, \"policy_id\" uuid, \"aspiration_id\" uuid, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"musrenbang_proposal_link_one_target\" CHECK ((policy_id IS NULL) <> (aspiration_id IS NULL)), CONSTRAINT \"PK_fd647f4ee2f73370109c1303da3\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_f086e021372263448ed9be19ee\" ON \"musrenbang_proposal_link\" (\"policy_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_05ab3c335b36cbaa53b7aeb850\" ON \"musrenbang_proposal_link\" (\"aspiration_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"musrenbang_proposal_link_aspiration_uq\" ON \"musrenbang_proposal_link\" (\"proposal_id\", \"aspiration_id\") WHERE aspiration_id IS NOT NULL");
    await queryRunner.query("CREATE UNIQUE INDEX \"musrenbang_proposal_link_policy_uq\" ON \"musrenbang_proposal_link\" (\"proposal_id\", \"policy_id\") WHERE policy_id IS NOT NULL");
    await queryRunner.query("CREATE TABLE \"sync_run\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"source_id\" uuid, \"trigger\" character varying(40) NOT NULL DEFAULT 'source', \"job_id\" character varying(200), \"status\" character varying(20) NOT NULL DEFAULT 'queued', \"started_at\" TIMESTAMP WITH TIME ZONE, \"finished_at\" TIMESTAMP WITH TIME ZONE, \"rows_read\" integer NOT NULL DEFAULT '0', \"rows_inserted\" integer NOT NULL DEFAULT '0', \"rows_updated\" integer NOT NULL DEFAULT '0', \"rows_unchanged\" integer NOT NULL DEFAULT '0', \"rows_rejected\" integer NOT NULL DEFAULT '0', \"error\" text, \"rejected_samples\" jsonb NOT NULL DEFAULT '[]', \"cursor\" character varying(200), \"etag\" character varying(200), \"last_modified\" character varying(100), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"sync_run_status_check\" CHECK (status IN ('queued', 'running', 'succeeded', 'partial', 'failed')), CONSTRAINT \"PK_ab1387853fd86ea904a21058b01\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"sync_run_source_created_idx\" ON \"sync_run\" (\"source_id\", \"created_at\") ");
    await queryRunner.query("ALTER TABLE \"musrenbang_proposal\" ADD CONSTRAINT \"FK_05acef920e4787cfbfac1496bc8\" FOREIGN KEY (\"kelurahan_code\") REFERENCES \"kelurahan\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"musrenbang_proposal_link\" ADD CONSTRAINT \"FK_39dd901ca49a8e79b45e643eef9\" FOREIGN KEY (\"proposal_id\") REFERENCES \"musrenbang_proposal\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"musrenbang_proposal_link\" ADD CONSTRAINT \"FK_f086e021372263448ed9be19ee4\" FOREIGN KEY (\"policy_id\") REFERENCES \"policy\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"musrenbang_proposal_link\" ADD CONSTRAINT \"FK_05ab3c335b36cbaa53b7aeb850e\" FOREIGN KEY (\"aspiration_id\") REFERENCES \"aspiration\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"sync_run\" ADD CONSTRAINT \"FK_ab58b66828b6ad20277ad681d3c\" FOREIGN KEY (\"source_id\") REFERENCES \"data_source\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"sync_run\" DROP CONSTRAINT \"FK_ab58b66828b6ad20277ad681d3c\"");
    await queryRunner.query("ALTER TABLE \"musrenbang_proposal_link\" DROP CONSTRAINT \"FK_05ab3c335b36cbaa53b7aeb850e\"");
    await queryRunner.query("ALTER TABLE \"musrenbang_proposal_link\" DROP CONSTRAINT \"FK_f086e021372263448ed9be19ee4\"");
    await queryRunner.query("ALTER TABLE \"musrenbang_proposal_link\" DROP CONSTRAINT \"FK_39dd901ca49a8e79b45e643eef9\"");
    await queryRunner.query("ALTER TABLE \"musrenbang_proposal\" DROP CONSTRAINT \"FK_05acef920e4787cfbfac1496bc8\"");
    await queryRunner.query("DROP INDEX \"public\".\"sync_run_source_created_idx\"");
    await queryRunner.query("DROP TABLE \"sync_run\"");
    await queryRunner.query("DROP INDEX \"public\".\"musrenbang_proposal_link_policy_uq\"");
    await queryRunner.query("DROP INDEX \"public\".\"musrenbang_proposal_link_aspiration_uq\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_05ab3c335b36cbaa53b7aeb850\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f086e021372263448ed9be19ee\"");
    await queryRunner.query("DROP TABLE \"musrenbang_proposal_link\"");
    await queryRunner.query("DROP INDEX \"public\".\"musrenbang_proposal_natural_key\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_c131a52284ecb513d519f30435\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_05acef920e4787cfbfac1496bc\"");
    await queryRunner.query("DROP TABLE \"musrenbang_proposal\"");
    await queryRunner.query("DROP INDEX \"public\".\"indicator_observation_natural_key\"");
    await queryRunner.query("DROP TABLE \"indicator_observation\"");
    await queryRunner.query("DROP TABLE \"data_source\"");
  }
}
