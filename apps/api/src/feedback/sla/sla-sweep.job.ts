import { Injectable, OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { JobQueueService } from '../../queue/job-queue.service';

export const SLA_SWEEP_JOB = 'feedback.sla-sweep';

/**
 * Applies the SLA clock: records breaches of the verify and plan deadlines,
 * and closes resolved aspirations the citizen neither confirmed nor
 * contested within 10 working days. Idempotent: a second run changes nothing.
 */
@Injectable()
export class SlaSweepJob implements OnModuleInit {
  constructor(
    private readonly queue: JobQueueService,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.queue.register(SLA_SWEEP_JOB, () => this.run().then(() => undefined));
  }

  /** Every 15 minutes; the window in the job id keeps replicas from running it twice. */
  @Cron('0 */15 * * * *', { name: SLA_SWEEP_JOB })
  async schedule(): Promise<void> {
    const window = new Date(Math.floor(Date.now() / 900_000) * 900_000).toISOString();
    await this.queue.enqueue(SLA_SWEEP_JOB, {}, { jobId: `${SLA_SWEEP_JOB}:${window}` });
  }

  async run(now: Date = new Date()): Promise<{ verifyBreaches: number; planBreaches: number; autoClosed: number }> {
    return this.dataSource.transaction(async (m) => {
      const verify: { id: string }[] = (await m.query(
        `UPDATE aspiration SET breached_verify = true WHERE status = 'received' AND NOT breached_verify AND due_verify_at < $1 RETURNING id`, [now],
      ))[0];
      const plan: { id: string }[] = (await m.query(
        `UPDATE aspiration SET breached_plan = true WHERE status IN ('received', 'verified') AND NOT breached_plan AND due_plan_at < $1 RETURNING id`, [now],
      ))[0];
      const closed: { id: string }[] = (await m.query(
        `UPDATE aspiration SET closed_at = $1, close_reason = 'auto', due_at = NULL, updated_at = now()
         WHERE status = 'resolved' AND closed_at IS NULL AND due_close_at < $1 RETURNING id`, [now],
      ))[0];
      const events = [
        ...verify.map((r) => [r.id, 'sla_breached', false, JSON.stringify({ deadline: 'verify' })]),
        ...plan.map((r) => [r.id, 'sla_breached', false, JSON.stringify({ deadline: 'plan' })]),
        ...closed.map((r) => [r.id, 'auto_closed', true, null]),
      ];
      for (const [id, kind, isPublic, meta] of events) {
        await m.query(`INSERT INTO aspiration_event (aspiration_id, kind, is_public, actor_role, meta) VALUES ($1, $2, $3, 'system', $4)`, [id, kind, isPublic, meta]);
      }
      return { verifyBreaches: verify.length, planBreaches: plan.length, autoClosed: closed.length };
    });
  }
}
