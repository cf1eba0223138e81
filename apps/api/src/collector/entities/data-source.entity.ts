import { Check, Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';

export const SOURCE_KINDS = ['bps', 'opendata_jatim', 'ckan', 'sipd', 'generic_http'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** A public data source the collector syncs on a schedule. Secrets live only in `apiKeyEnc`. */
@Entity('data_source')
@Check('data_source_kind_check', `kind IN ('bps', 'opendata_jatim', 'ckan', 'sipd', 'generic_http')`)
export class DataSourceEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: SourceKind;

  @Column({ type: 'varchar', length: 200, unique: true })
  name!: string;

  /** Connection settings (URL, dataset, filters); never a secret. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  settings!: Record<string, unknown>;

  /** API key sealed with FieldEncryptionService. */
  @Column({ type: 'bytea', nullable: true })
  apiKeyEnc!: Buffer | null;

  /** Target field ← source field. */
  @Column({ type: 'jsonb', default: () => `'{}'` })
  fieldMapping!: Record<string, string>;

  /** Six- or five-field cron expression; null means manual runs only. */
  @Column({ type: 'varchar', length: 100, nullable: true })
  cron!: string | null;

  @Column({ type: 'boolean', default: true })
  enabled!: boolean;

  @Column({ type: 'integer', default: 30000 })
  timeoutMs!: number;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @UpdateDateColumn({ type: 'timestamptz' })
  updatedAt!: Date;
}
