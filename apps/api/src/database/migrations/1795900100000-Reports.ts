import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The open reports (issue 8): generated report files with their field
 * descriptions, drafts until published. Timestamped after AnalyticsSchema,
 * which it follows.
 */
export class Reports1795900100000 implements MigrationInterface {
  name = 'Reports1795900100000';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"report\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"generation_id\" uuid NOT NULL, \"period\" character varying(7) NOT NULL, \"kind\" character varying(20) NOT NULL, \"format\" character varying(4) NOT NULL, \"title\" character varying(300) NOT NULL, \"file_name\" character varying(120) NOT NULL, \"content_type\" character varying(120) NOT NULL, \"content\" bytea NOT NULL, \"sha256\" character(64) NOT NULL, \"size\" integer NOT NULL, \"fields\" jsonb NOT NULL, \"data_as_of\" TIMESTAMP WITH TIME ZONE, \"generated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"generated_by\" uuid, \"published_at\" TIMESTAMP WITH TIME ZONE, \"published_by\" uuid, CONSTRAINT \"report_format_check\" CHECK (\"format\" IN ('md','json','csv','docx','pdf')), CONSTRAINT \"report_kind_check\" CHECK (\"kind\" IN ('policy_summary','participation','final_report')), CONSTRAINT \"PK_99e4d0bea58cba73c57f935a546\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"report_published_idx\" ON \"report\" (\"published_at\") WHERE \"published_at\" IS NOT NULL");
    await queryRunner.query("CREATE INDEX \"IDX_3949f8cf3e3c3a6833fee1f50a\" ON \"report\" (\"period\", \"generated_at\") ");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("DROP INDEX \"public\".\"IDX_3949f8cf3e3c3a6833fee1f50a\"");
    await queryRunner.query("DROP INDEX \"public\".\"report_published_idx\"");
    await queryRunner.query("DROP TABLE \"report\"");
  }
}
