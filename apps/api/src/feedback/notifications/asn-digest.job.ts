import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { Cron } from '@nestjs/schedule';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { JobQueueService } from '../../queue/job-queue.service';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationsRepository } from './notifications.repository';
import { digestMail, jakartaDay } from './templates';

export const ASN_DIGEST_JOB = 'notifications.asn-digest';

export interface DigestRunResult {
  day: string;
  /** Per OPD with something to report: how many of its ASN were sent (or skipped, or already had) the digest. */
  opds: { opdId: number; newCount: number; overdueCount: number; sent: number; skipped: number; duplicate: number; failed: number }[];
}

/**
 * The daily e-mail to each OPD's active ASN: aspirations that arrived since
 * the OPD's last digest (or in the last 24 h) and those past their deadline,
 * instead of one message per aspiration. One e-mail per ASN, deduplicated by
 * OPD, day and user; an OPD with nothing to report gets nothing.
 */
@Injectable()
export class AsnDigestJob implements OnModuleInit {
  private readonly logger = new Logger('AsnDigest');

  constructor(
    private readonly queue: JobQueueService,
    private readonly repo: NotificationsRepository,
    private readonly delivery: NotificationDeliveryService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.queue.register(ASN_DIGEST_JOB, () => this.runDigest().then(() => undefined), { attempts: 3, backoffMs: 60_000 });
  }

  /** 07:00 in Madiun. Only enqueues; the day in the job id keeps replicas from sending it twice. */
  @Cron('0 0 7 * * *', { name: ASN_DIGEST_JOB, timeZone: 'Asia/Jakarta' })
  async schedule(): Promise<void> {
    await this.queue.enqueue(ASN_DIGEST_JOB, {}, { jobId: `${ASN_DIGEST_JOB}:${jakartaDay(new Date())}` });
  }

  /**
   * Sends the digest of `now`'s day (Jakarta). Safe to run again: recipients
   * already served today are skipped, failed ones are retried; the run throws
   * after trying everyone if any e-mail failed, so the queue retries it.
   */
  async runDigest(now: Date = new Date()): Promise<DigestRunResult> {
    const day = jakartaDay(now);
    const result: DigestRunResult = { day, opds: [] };
    let firstError: unknown;
    for (const opd of await this.repo.opdsWithActiveAsn()) {
      const keyPrefix = `digest:${opd.opdId}:${day}:`;
      const last = await this.repo.lastDigestAt(opd.opdId, keyPrefix);
      const dayAgo = new Date(now.getTime() - 86_400_000);
      const since = last && last < now ? last : dayAgo;
      const [newItems, overdueItems] = await Promise.all([this.repo.newAspirations(opd.opdId, since, now), this.repo.overdueAspirations(opd.opdId, now)]);
      if (!newItems.length && !overdueItems.length) continue;
      const content = digestMail({ opdName: opd.opdName, day: now, now, since, newItems, overdueItems, portalUrl: this.config.http.portalUrl });
      const counts = { opdId: opd.opdId, newCount: newItems.length, overdueCount: overdueItems.length, sent: 0, skipped: 0, duplicate: 0, failed: 0 };
      for (const r of opd.recipients) {
        try {
          const outcome = await this.delivery.deliver({ dedupeKey: `${keyPrefix}${r.userId}`, kind: 'asn_digest', opdId: opd.opdId, createdAt: now }, r.email, content);
          counts[outcome]++;
        } catch (err) {
          counts.failed++;
          firstError ??= err;
        }
      }
      result.opds.push(counts);
    }
    const total = result.opds.reduce((n, o) => n + o.sent, 0);
    this.logger.log(`Digest ${day}: ${total} e-mail(s) sent for ${result.opds.length} OPD(s)`);
    if (firstError) throw firstError;
    return result;
  }
}
