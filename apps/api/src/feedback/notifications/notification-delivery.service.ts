import { Injectable, Logger } from '@nestjs/common';
import { MailDeliveryError, MailerService } from './mailer.service';
import { NotificationClaim, NotificationsRepository } from './notifications.repository';
import { MailContent } from './templates';

export type DeliveryResult = 'sent' | 'skipped' | 'duplicate';

/**
 * Idempotent delivery of one e-mail: claim the dedupe key (a new key, or one
 * whose earlier attempt failed), send, mark sent. A failure marks the row
 * failed and throws, so the queue retries and the retry may send again.
 * Logs carry the dedupe key and the kind, never an address or a body.
 */
@Injectable()
export class NotificationDeliveryService {
  private readonly logger = new Logger('Notifications');

  constructor(
    private readonly mailer: MailerService,
    private readonly repo: NotificationsRepository,
  ) {}

  async deliver(claim: Omit<NotificationClaim, 'subject'>, to: string | string[], content: MailContent): Promise<DeliveryResult> {
    const row = { ...claim, subject: content.subject };
    if (!this.mailer.enabled) {
      const recorded = await this.repo.recordSkipped(row, 'SMTP_URL is not configured');
      return recorded ? 'skipped' : 'duplicate';
    }
    if (!(await this.repo.claim(row))) {
      this.logger.debug(`${claim.kind} ${claim.dedupeKey}: already handled`);
      return 'duplicate';
    }
    try {
      await this.mailer.send({ to, subject: content.subject, text: content.text, html: content.html });
    } catch (err) {
      const message = err instanceof MailDeliveryError ? err.message : 'unexpected error while sending';
      await this.repo.markFailed(claim.dedupeKey, message);
      this.logger.warn(`${claim.kind} ${claim.dedupeKey}: sending failed: ${message}`);
      throw err instanceof MailDeliveryError ? err : new MailDeliveryError(message);
    }
    await this.repo.markSent(claim.dedupeKey);
    this.logger.log(`${claim.kind} ${claim.dedupeKey}: sent`);
    return 'sent';
  }
}
