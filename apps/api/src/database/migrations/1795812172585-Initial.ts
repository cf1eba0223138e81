import { MigrationInterface, QueryRunner } from 'typeorm';

export class Initial1795812172585 implements MigrationInterface {
  name = 'Initial1795812172585';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"audit_log\" (\"id\" BIGSERIAL NOT NULL, \"occurred_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"actor_user_id\" uuid, \"actor_role\" character varying(20), \"action\" character varying(80) NOT NULL, \"entity_type\" character varying(60) NOT NULL, \"entity_id\" character varying(80), \"details\" jsonb NOT NULL, \"request_id\" character varying(64), CONSTRAINT \"PK_07fefa57f7f5ab8fc3f52b3ed0b\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_9ab67a467c6969ee1cf92f2c34\" ON \"audit_log\" (\"occurred_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_43fef0ec7f613c19c612fffe62\" ON \"audit_log\" (\"entity_type\", \"entity_id\") ");
    await queryRunner.query("CREATE TABLE \"opd\" (\"id\" SERIAL NOT NULL, \"code\" character varying(60) NOT NULL, \"name\" character varying(160) NOT NULL, \"is_active\" boolean NOT NULL DEFAULT true, CONSTRAINT \"UQ_55a160a7e2981c19ca9b6cebfb1\" UNIQUE (\"code\"), CONSTRAINT \"UQ_b90a56ce2cdd919407db04bb274\" UNIQUE (\"name\"), CONSTRAINT \"PK_dbb2120c6f56ac31e1bd5bd512e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE TABLE \"app_user\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"email\" character varying(254) NOT NULL, \"name\" character varying(160) NOT NULL, \"password_hash\" character varying(255) NOT NULL, \"role\" character varying(20) NOT NULL, \"opd_id\" integer, \"is_active\" boolean NOT NULL DEFAULT true, \"must_change_password\" boolean NOT NULL DEFAULT false, \"failed_login_count\" integer NOT NULL DEFAULT '0', \"locked_until\" TIMESTAMP WITH TIME ZONE, \"last_login_at\" TIMESTAMP WITH TIME ZONE, \"deactivated_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"app_user_asn_opd_check\" CHECK (\"role\" <> 'asn' OR \"opd_id\" IS NOT NULL), CONSTRAINT \"app_user_role_check\" CHECK (\"role\" IN ('admin','asn','bappeda','trainer','citizen','bi_reader')), CONSTRAINT \"PK_22a5c4a3d9b2fb8e4e73fc4ada1\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_3fa909d0e37c531ebc23770339\" ON \"app_user\" (\"email\") ");
    await queryRunner.query("CREATE INDEX \"IDX_7789c7b560187c04b59b4da312\" ON \"app_user\" (\"opd_id\") ");
    await queryRunner.query("CREATE TABLE \"api_token\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"name\" character varying(100) NOT NULL, \"prefix\" character varying(16) NOT NULL, \"token_hash\" character(64) NOT NULL, \"scopes\" text array NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"last_used_at\" TIMESTAMP WITH TIME ZONE, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_d862311c568d175c26f41bc6f98\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_1725c5ea908ff009f6ab3fa34f\" ON \"api_token\" (\"user_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_bafaa5aab5957cd193fb2da8f2\" ON \"api_token\" (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"refresh_token\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"user_id\" uuid NOT NULL, \"family_id\" uuid NOT NULL, \"token_hash\" character(64) NOT NULL, \"expires_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"used_at\" TIMESTAMP WITH TIME ZONE, \"revoked_at\" TIMESTAMP WITH TIME ZONE, \"revoked_reason\" character varying(40), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_b575dd3c21fb0831013c909e7fe\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_6bbe63d2fe75e7f0ba1710351d\" ON \"refresh_token\" (\"user_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_eb31f2a7917404a46e17f539f1\" ON \"refresh_token\" (\"family_id\") ");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_f0812282fad2e352cdaf83ef0a\" ON \"refresh_token\" (\"token_hash\") ");
    await queryRunner.query("CREATE TABLE \"category\" (\"code\" character varying(40) NOT NULL, \"label_id\" character varying(160) NOT NULL, \"label_en\" character varying(160) NOT NULL, \"default_opd_id\" integer NOT NULL, \"sort_order\" smallint NOT NULL, CONSTRAINT \"PK_652a15c02538138f021f1320de8\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE INDEX \"IDX_a410f8da9401e8a9ca34d76940\" ON \"category\" (\"default_opd_id\") ");
    await queryRunner.query("CREATE TABLE \"kota\" (\"code\" character varying(13) NOT NULL, \"bps_code\" character varying(10), \"name\" character varying(120) NOT NULL, \"population\" integer, \"area_km2\" numeric(10,3), CONSTRAINT \"PK_900dee13ceb05652a4ac7f3f734\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE TABLE \"kecamatan\" (\"code\" character varying(13) NOT NULL, \"bps_code\" character varying(10), \"name\" character varying(120) NOT NULL, \"kota_code\" character varying(13) NOT NULL, \"population\" integer, CONSTRAINT \"PK_cb9809a2f91021981e48b06ad64\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE INDEX \"IDX_17e9568917ae7e2df84cc9ccc4\" ON \"kecamatan\" (\"kota_code\") ");
    await queryRunner.query("CREATE TABLE \"kelurahan\" (\"code\" character varying(13) NOT NULL, \"bps_code\" character varying(10), \"name\" character varying(120) NOT NULL, \"kecamatan_code\" character varying(13) NOT NULL, \"population\" integer, CONSTRAINT \"PK_e884feb749e765b60e1570d6b13\" PRIMARY KEY (\"code\"))");
    await queryRunner.query("CREATE INDEX \"IDX_65ed6f0659f6ec147aff50f738\" ON \"kelurahan\" (\"kecamatan_code\") ");
    await queryRunner.query("ALTER TABLE \"app_user\" ADD CONSTRAINT \"FK_7789c7b560187c04b59b4da3126\" FOREIGN KEY (\"opd_id\") REFERENCES \"opd\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"api_token\" ADD CONSTRAINT \"FK_1725c5ea908ff009f6ab3fa34fd\" FOREIGN KEY (\"user_id\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"refresh_token\" ADD CONSTRAINT \"FK_6bbe63d2fe75e7f0ba1710351d4\" FOREIGN KEY (\"user_id\") REFERENCES \"app_user\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"category\" ADD CONSTRAINT \"FK_a410f8da9401e8a9ca34d76940c\" FOREIGN KEY (\"default_opd_id\") REFERENCES \"opd\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"kecamatan\" ADD CONSTRAINT \"FK_17e9568917ae7e2df84cc9ccc49\" FOREIGN KEY (\"kota_code\") REFERENCES \"kota\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"kelurahan\" ADD CONSTRAINT \"FK_65ed6f0659f6ec147aff50f738a\" FOREIGN KEY (\"kecamatan_code\") REFERENCES \"kecamatan\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"kelurahan\" DROP CONSTRAINT \"FK_65ed6f0659f6ec147aff50f738a\"");
    await queryRunner.query("ALTER TABLE \"kecamatan\" DROP CONSTRAINT \"FK_17e9568917ae7e2df84cc9ccc49\"");
    await queryRunner.query("ALTER TABLE \"category\" DROP CONSTRAINT \"FK_a410f8da9401e8a9ca34d76940c\"");
    await queryRunner.query("ALTER TABLE \"refresh_token\" DROP CONSTRAINT \"FK_6bbe63d2fe75e7f0ba1710351d4\"");
    await queryRunner.query("ALTER TABLE \"api_token\" DROP CONSTRAINT \"FK_1725c5ea908ff009f6ab3fa34fd\"");
    await queryRunner.query("ALTER TABLE \"app_user\" DROP CONSTRAINT \"FK_7789c7b560187c04b59b4da3126\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_65ed6f0659f6ec147aff50f738\"");
    await queryRunner.query("DROP TABLE \"kelurahan\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_17e9568917ae7e2df84cc9ccc4\"");
    await queryRunner.query("DROP TABLE \"kecamatan\"");
    await queryRunner.query("DROP TABLE \"kota\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a410f8da9401e8a9ca34d76940\"");
    await queryRunner.query("DROP TABLE \"category\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_f0812282fad2e352cdaf83ef0a\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_eb31f2a7917404a46e17f539f1\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_6bbe63d2fe75e7f0ba1710351d\"");
    await queryRunner.query("DROP TABLE \"refresh_token\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_bafaa5aab5957cd193fb2da8f2\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_1725c5ea908ff009f6ab3fa34f\"");
    await queryRunner.query("DROP TABLE \"api_token\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_7789c7b560187c04b59b4da312\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_3fa909d0e37c531ebc23770339\"");
    await queryRunner.query("DROP TABLE \"app_user\"");
    await queryRunner.query("DROP TABLE \"opd\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_43fef0ec7f613c19c612fffe62\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_9ab67a467c6969ee1cf92f2c34\"");
    await queryRunner.query("DROP TABLE \"audit_log\"");
  }
}
