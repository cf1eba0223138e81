import { Check, Column, CreateDateColumn, Entity, Index, JoinColumn, ManyToOne, PrimaryGeneratedColumn } from 'typeorm';
import { FellowParticipantEntity } from './fellow-participant.entity';

export const ACTIVITY_KINDS = ['data_audit', 'forum_facilitation', 'mentoring'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];
export const ACTIVITY_LABELS: Record<ActivityKind, string> = {
  data_audit: 'Audit data',
  forum_facilitation: 'Fasilitasi forum',
  mentoring: 'Pendampingan (mentoring)',
};

/** What a fellow did after training; an activity in the last 60 days (configurable) makes them active. */
@Entity('fellow_activity')
@Index(['participantId', 'occurredOn'])
@Check('fellow_activity_kind_check', `"kind" IN ('data_audit','forum_facilitation','mentoring')`)
export class FellowActivityEntity {
  @PrimaryGeneratedColumn('uuid')
  id!: string;

  @Column({ type: 'uuid' })
  participantId!: string;

  @Column({ type: 'varchar', length: 20 })
  kind!: ActivityKind;

  @Column({ type: 'date' })
  occurredOn!: string;

  @Column({ type: 'text', nullable: true })
  description!: string | null;

  @Column({ type: 'uuid', nullable: true })
  recordedBy!: string | null;

  @CreateDateColumn({ type: 'timestamptz' })
  createdAt!: Date;

  @ManyToOne(() => FellowParticipantEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'participant_id' })
  participant?: FellowParticipantEntity;
}
