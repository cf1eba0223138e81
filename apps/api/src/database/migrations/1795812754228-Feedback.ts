import { MigrationInterface, QueryRunner } from 'typeorm';

export class Feedback1795812754228 implements MigrationInterface {
  name = 'Feedback1795812754228';

  public async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("CREATE TABLE \"idempotency_key\" (\"scope\" character varying(60) NOT NULL, \"key\" character varying(128) NOT NULL, \"request_hash\" character(64) NOT NULL, \"response_status\" smallint NOT NULL, \"response_body\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_2738e797ef2c60d9a902bad976a\" PRIMARY KEY (\"scope\", \"key\"))");
    await queryRunner.query("CREATE TABLE \"policy\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"title\" character varying(200) NOT NULL, \"summary\" text NOT NULL, \"opd_id\" integer NOT NULL, \"status\" character varying(14) NOT NULL DEFAULT 'draft', \"consultation_start\" date, \"consultation_end\" date, \"published_at\" TIMESTAMP WITH TIME ZONE, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"policy_status_check\" CHECK (\"status\" IN ('draft','consultation','adopted','implemented')), CONSTRAINT \"PK_9917b0c5e4286703cc656b1d39f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_da6446f4dd88ab143462707a29\" ON \"policy\" (\"opd_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_dd567033348cb2bc14d2a789b5\" ON \"policy\" (\"published_at\") ");
    await queryRunner.query("CREATE TABLE \"aspiration\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"tracking_code\" character varying(16) NOT NULL, \"follow_up_key_hash\" character(64) NOT NULL, \"title\" character varying(200), \"public_title\" character varying(200), \"text\" text NOT NULL, \"public_text\" text NOT NULL, \"category_code\" character varying(40) NOT NULL, \"category_source\" character varying(10) NOT NULL, \"kelurahan_code\" character varying(13) NOT NULL, \"kecamatan_code\" character varying(13) NOT NULL, \"latitude\" double precision, \"longitude\" double precision, \"address\" character varying(300), \"public_address\" character varying(300), \"channel\" character varying(12) NOT NULL, \"status\" character varying(12) NOT NULL DEFAULT 'received', \"opd_id\" integer NOT NULL, \"policy_id\" uuid, \"submitter_user_id\" uuid, \"is_anonymous\" boolean NOT NULL DEFAULT true, \"support_count\" integer NOT NULL DEFAULT '0', \"submitted_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"verified_at\" TIMESTAMP WITH TIME ZONE, \"first_reply_at\" TIMESTAMP WITH TIME ZONE, \"planned_at\" TIMESTAMP WITH TIME ZONE, \"resolved_at\" TIMESTAMP WITH TIME ZONE, \"closed_at\" TIMESTAMP WITH TIME ZONE, \"close_reason\" character varying(20), \"due_verify_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"due_plan_at\" TIMESTAMP WITH TIME ZONE NOT NULL, \"due_close_at\" TIMESTAMP WITH TIME ZONE, \"due_at\" TIMESTAMP WITH TIME ZONE, \"breached_verify\" boolean NOT NULL DEFAULT false, \"breached_plan\" boolean NOT NULL DEFAULT false, \"satisfaction\" smallint, \"rejection_reason\" text, \"reopen_count\" integer NOT NULL DEFAULT '0', \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"aspiration_satisfaction_check\" CHECK (\"satisfaction\" IS NULL OR \"satisfaction\" BETWEEN 1 AND 5), CONSTRAINT \"aspiration_channel_check\" CHECK (\"channel\" IN ('portal','whatsapp','sms','forum','musrenbang','other')), CONSTRAINT \"aspiration_status_check\" CHECK (\"status\" IN ('received','verified','in_progress','resolved','rejected','adopted')), CONSTRAINT \"PK_4771e8e3557d5d4885f16239877\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_681048595621f775c59df872ea\" ON \"aspiration\" (\"tracking_code\") ");
    await queryRunner.query("CREATE INDEX \"IDX_6abd7188535b45978b4bbdc469\" ON \"aspiration\" (\"opd_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_71191f9e4671134c56973b1b35\" ON \"aspiration\" (\"submitted_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_b1652774f4cf3cd7f21691e73e\" ON \"aspiration\" (\"category_code\", \"submitted_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_7176a5246c911be1a73171b0ec\" ON \"aspiration\" (\"kecamatan_code\", \"submitted_at\") ");
    await queryRunner.query("CREATE INDEX \"IDX_e981f91e2ae3af14ed25a8c33b\" ON \"aspiration\" (\"opd_id\", \"status\", \"due_at\") ");
    await queryRunner.query("CREATE TABLE \"aspiration_contact\" (\"aspiration_id\" uuid NOT NULL, \"name_enc\" bytea, \"phone_enc\" bytea, \"email_enc\" bytea, \"contact_hash\" character(64), \"consent\" boolean NOT NULL, \"wants_email\" boolean NOT NULL DEFAULT false, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_efa0fdb686063ac21a4cf02aa4b\" PRIMARY KEY (\"aspiration_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_1d736b779d2a171d3468f3b4b6\" ON \"aspiration_contact\" (\"contact_hash\") ");
    await queryRunner.query("CREATE TABLE \"aspiration_event\" (\"id\" BIGSERIAL NOT NULL, \"aspiration_id\" uuid NOT NULL, \"kind\" character varying(20) NOT NULL, \"from_status\" character varying(12), \"to_status\" character varying(12), \"body\" text, \"public_body\" text, \"is_public\" boolean NOT NULL, \"actor_user_id\" uuid, \"actor_role\" character varying(20) NOT NULL, \"actor_opd_id\" integer, \"meta\" jsonb, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_0e63761d36a68041241378139d8\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_a4edf377cb166d4fd677e1f3a9\" ON \"aspiration_event\" (\"aspiration_id\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"aspiration_support\" (\"aspiration_id\" uuid NOT NULL, \"supporter_hash\" character(64) NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_d27ce31577f1b00321623c6c73a\" PRIMARY KEY (\"aspiration_id\", \"supporter_hash\"))");
    await queryRunner.query("CREATE TABLE \"forum_event\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kecamatan_code\" character varying(13) NOT NULL, \"held_on\" date NOT NULL, \"topic\" character varying(200) NOT NULL, \"attendance\" integer NOT NULL, \"opd_id\" integer, \"notes\" text, \"created_by\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"forum_event_attendance_check\" CHECK (\"attendance\" >= 0), CONSTRAINT \"PK_2fa69d54d94cd4369dda860dc8e\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_9029b7c5c1e69a613dd6098a46\" ON \"forum_event\" (\"kecamatan_code\", \"held_on\") ");
    await queryRunner.query("CREATE TABLE \"notification\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"dedupe_key\" character varying(120) NOT NULL, \"channel\" character varying(10) NOT NULL, \"kind\" character varying(40) NOT NULL, \"aspiration_id\" uuid, \"opd_id\" integer, \"subject\" character varying(200) NOT NULL, \"status\" character varying(10) NOT NULL, \"sent_at\" TIMESTAMP WITH TIME ZONE, \"error\" text, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_705b6c7cdf9b2c2ff7ac7872cb7\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE UNIQUE INDEX \"IDX_b390c6bcca8179ba55a6eb95fa\" ON \"notification\" (\"dedupe_key\") ");
    await queryRunner.query("CREATE TABLE \"policy_aspiration\" (\"policy_id\" uuid NOT NULL, \"aspiration_id\" uuid NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"PK_55b29b149e597a41e4a9ab8147a\" PRIMARY KEY (\"policy_id\", \"aspiration_id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_2a9e0fd8e42b48c75ac1186b2f\" ON \"policy_aspiration\" (\"aspiration_id\") ");
    await queryRunner.query("CREATE TABLE \"policy_rating\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"policy_id\" uuid NOT NULL, \"rater_hash\" character(64) NOT NULL, \"score\" smallint NOT NULL, \"comment\" text, \"public_comment\" text, \"hidden_at\" TIMESTAMP WITH TIME ZONE, \"hidden_reason\" character varying(300), \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"updated_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"policy_rating_once\" UNIQUE (\"policy_id\", \"rater_hash\"), CONSTRAINT \"policy_rating_score_check\" CHECK (\"score\" BETWEEN 1 AND 5), CONSTRAINT \"PK_5f59e328c131efe0edda551448f\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_3995a433f0ad10a1057f8b7906\" ON \"policy_rating\" (\"policy_id\") ");
    await queryRunner.query("CREATE TABLE \"holiday\" (\"date\" date NOT NULL, \"name\" character varying(160) NOT NULL, \"collective_leave\" boolean NOT NULL DEFAULT false, CONSTRAINT \"PK_89b26e4ed3db8895b86c8df55e8\" PRIMARY KEY (\"date\"))");
    await queryRunner.query("CREATE TABLE \"survey_response\" (\"id\" uuid NOT NULL DEFAULT gen_random_uuid(), \"kind\" character varying(24) NOT NULL, \"score\" smallint NOT NULL, \"comment\" text, \"public_comment\" text, \"aspiration_id\" uuid, \"opd_id\" integer, \"respondent_user_id\" uuid, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), CONSTRAINT \"survey_response_score_check\" CHECK (\"score\" BETWEEN 1 AND 5), CONSTRAINT \"survey_response_kind_check\" CHECK (\"kind\" IN ('citizen_satisfaction','asn_system')), CONSTRAINT \"PK_d9326eb52bf8b23d56a39ce419a\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"IDX_a0f67d78ee43136628cf95fc1b\" ON \"survey_response\" (\"aspiration_id\") ");
    await queryRunner.query("CREATE INDEX \"IDX_74079a6008e5b200387be118b2\" ON \"survey_response\" (\"kind\", \"created_at\") ");
    await queryRunner.query("CREATE TABLE \"outbox\" (\"id\" BIGSERIAL NOT NULL, \"topic\" character varying(60) NOT NULL, \"payload\" jsonb NOT NULL, \"created_at\" TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(), \"dispatched_at\" TIMESTAMP WITH TIME ZONE, \"attempts\" integer NOT NULL DEFAULT '0', \"last_error\" text, CONSTRAINT \"PK_340ab539f309f03bdaa14aa7649\" PRIMARY KEY (\"id\"))");
    await queryRunner.query("CREATE INDEX \"outbox_pending_idx\" ON \"outbox\" (\"id\") WHERE \"dispatched_at\" IS NULL");
    await queryRunner.query("ALTER TABLE \"policy\" ADD CONSTRAINT \"FK_da6446f4dd88ab143462707a29b\" FOREIGN KEY (\"opd_id\") REFERENCES \"opd\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"aspiration\" ADD CONSTRAINT \"FK_9d3de87d39ce23e2128278ebe84\" FOREIGN KEY (\"category_code\") REFERENCES \"category\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"aspiration\" ADD CONSTRAINT \"FK_d932449da08bb0e26e4737b8ba1\" FOREIGN KEY (\"kelurahan_code\") REFERENCES \"kelurahan\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"aspiration\" ADD CONSTRAINT \"FK_6abd7188535b45978b4bbdc4694\" FOREIGN KEY (\"opd_id\") REFERENCES \"opd\"(\"id\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"aspiration\" ADD CONSTRAINT \"FK_e019fdb6dae2915aa8079a6ce1e\" FOREIGN KEY (\"policy_id\") REFERENCES \"policy\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"aspiration_contact\" ADD CONSTRAINT \"FK_efa0fdb686063ac21a4cf02aa4b\" FOREIGN KEY (\"aspiration_id\") REFERENCES \"aspiration\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"aspiration_event\" ADD CONSTRAINT \"FK_632080ce62c38004b4cb1b6393b\" FOREIGN KEY (\"aspiration_id\") REFERENCES \"aspiration\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"aspiration_support\" ADD CONSTRAINT \"FK_d4e8ed21e03333a807bc4845416\" FOREIGN KEY (\"aspiration_id\") REFERENCES \"aspiration\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"forum_event\" ADD CONSTRAINT \"FK_8d284a420b9816278d03829b3fa\" FOREIGN KEY (\"kecamatan_code\") REFERENCES \"kecamatan\"(\"code\") ON DELETE RESTRICT ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"policy_aspiration\" ADD CONSTRAINT \"FK_8665ae04fcdf80de833c82bbc33\" FOREIGN KEY (\"policy_id\") REFERENCES \"policy\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"policy_aspiration\" ADD CONSTRAINT \"FK_2a9e0fd8e42b48c75ac1186b2f2\" FOREIGN KEY (\"aspiration_id\") REFERENCES \"aspiration\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"policy_rating\" ADD CONSTRAINT \"FK_3995a433f0ad10a1057f8b7906f\" FOREIGN KEY (\"policy_id\") REFERENCES \"policy\"(\"id\") ON DELETE CASCADE ON UPDATE NO ACTION");
    await queryRunner.query("ALTER TABLE \"survey_response\" ADD CONSTRAINT \"FK_a0f67d78ee43136628cf95fc1b2\" FOREIGN KEY (\"aspiration_id\") REFERENCES \"aspiration\"(\"id\") ON DELETE SET NULL ON UPDATE NO ACTION");
  }

  public async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query("ALTER TABLE \"survey_response\" DROP CONSTRAINT \"FK_a0f67d78ee43136628cf95fc1b2\"");
    await queryRunner.query("ALTER TABLE \"policy_rating\" DROP CONSTRAINT \"FK_3995a433f0ad10a1057f8b7906f\"");
    await queryRunner.query("ALTER TABLE \"policy_aspiration\" DROP CONSTRAINT \"FK_2a9e0fd8e42b48c75ac1186b2f2\"");
    await queryRunner.query("ALTER TABLE \"policy_aspiration\" DROP CONSTRAINT \"FK_8665ae04fcdf80de833c82bbc33\"");
    await queryRunner.query("ALTER TABLE \"forum_event\" DROP CONSTRAINT \"FK_8d284a420b9816278d03829b3fa\"");
    await queryRunner.query("ALTER TABLE \"aspiration_support\" DROP CONSTRAINT \"FK_d4e8ed21e03333a807bc4845416\"");
    await queryRunner.query("ALTER TABLE \"aspiration_event\" DROP CONSTRAINT \"FK_632080ce62c38004b4cb1b6393b\"");
    await queryRunner.query("ALTER TABLE \"aspiration_contact\" DROP CONSTRAINT \"FK_efa0fdb686063ac21a4cf02aa4b\"");
    await queryRunner.query("ALTER TABLE \"aspiration\" DROP CONSTRAINT \"FK_e019fdb6dae2915aa8079a6ce1e\"");
    await queryRunner.query("ALTER TABLE \"aspiration\" DROP CONSTRAINT \"FK_6abd7188535b45978b4bbdc4694\"");
    await queryRunner.query("ALTER TABLE \"aspiration\" DROP CONSTRAINT \"FK_d932449da08bb0e26e4737b8ba1\"");
    await queryRunner.query("ALTER TABLE \"aspiration\" DROP CONSTRAINT \"FK_9d3de87d39ce23e2128278ebe84\"");
    await queryRunner.query("ALTER TABLE \"policy\" DROP CONSTRAINT \"FK_da6446f4dd88ab143462707a29b\"");
    await queryRunner.query("DROP INDEX \"public\".\"outbox_pending_idx\"");
    await queryRunner.query("DROP TABLE \"outbox\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_74079a6008e5b200387be118b2\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a0f67d78ee43136628cf95fc1b\"");
    await queryRunner.query("DROP TABLE \"survey_response\"");
    await queryRunner.query("DROP TABLE \"holiday\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_3995a433f0ad10a1057f8b7906\"");
    await queryRunner.query("DROP TABLE \"policy_rating\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_2a9e0fd8e42b48c75ac1186b2f\"");
    await queryRunner.query("DROP TABLE \"policy_aspiration\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_b390c6bcca8179ba55a6eb95fa\"");
    await queryRunner.query("DROP TABLE \"notification\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_9029b7c5c1e69a613dd6098a46\"");
    await queryRunner.query("DROP TABLE \"forum_event\"");
    await queryRunner.query("DROP TABLE \"aspiration_support\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_a4edf377cb166d4fd677e1f3a9\"");
    await queryRunner.query("DROP TABLE \"aspiration_event\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_1d736b779d2a171d3468f3b4b6\"");
    await queryRunner.query("DROP TABLE \"aspiration_contact\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_e981f91e2ae3af14ed25a8c33b\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_7176a5246c911be1a73171b0ec\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_b1652774f4cf3cd7f21691e73e\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_71191f9e4671134c56973b1b35\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_6abd7188535b45978b4bbdc469\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_681048595621f775c59df872ea\"");
    await queryRunner.query("DROP TABLE \"aspiration\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_dd567033348cb2bc14d2a789b5\"");
    await queryRunner.query("DROP INDEX \"public\".\"IDX_da6446f4dd88ab143462707a29\"");
    await queryRunner.query("DROP TABLE \"policy\"");
    await queryRunner.query("DROP TABLE \"idempotency_key\"");
  }
}
