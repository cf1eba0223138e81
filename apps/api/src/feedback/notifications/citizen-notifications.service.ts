import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { FieldEncryptionService } from '../../common/crypto/field-encryption.service';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';
import { OutboxMessage, OutboxService } from '../../outbox/outbox.service';
import { OUTBOX_TOPICS } from '../aspirations/aspiration.service';
import { DeliveryResult, NotificationDeliveryService } from './notification-delivery.service';
import { AspirationForCitizen, NotificationsRepository } from './notifications.repository';
import { CitizenAspirationInfo, replyMail, statusChangedMail } from './templates';

export interface StatusChangedPayload {
  aspirationId: string;
  from: string;
  to: string;
  byCitizen?: boolean;
}

export interface RepliedPayload {
  aspirationId: string;
}

/** Why nothing was sent, or what happened to the message. */
export type CitizenNotifyResult = DeliveryResult | 'no_email' | 'not_found' | 'by_citizen' | 'no_public_reply';

/**
 * Tells a citizen who left an e-mail address (and so asked for e-mail) when
 * the status of their aspiration changes or the OPD replies. Driven by the
 * outbox; the outbox id is the dedupe key, so a message handled twice sends
 * one e-mail.
 */
@Injectable()
export class CitizenNotificationsService implements OnModuleInit {
  private readonly logger = new Logger('CitizenNotifications');

  constructor(
    private readonly outbox: OutboxService,
    private readonly repo: NotificationsRepository,
    private readonly delivery: NotificationDeliveryService,
    private readonly crypto: FieldEncryptionService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.outbox.handle<StatusChangedPayload>(OUTBOX_TOPICS.statusChanged, (m) => this.onStatusChanged(m).then(() => undefined), { attempts: 5, backoffMs: 2000 });
    this.outbox.handle<RepliedPayload>(OUTBOX_TOPICS.replied, (m) => this.onReplied(m).then(() => undefined), { attempts: 5, backoffMs: 2000 });
  }

  async onStatusChanged({ outboxId, payload }: OutboxMessage<StatusChangedPayload>): Promise<CitizenNotifyResult> {
    // The citizen reopened it on the portal themselves: they already see the result there.
    if (payload.byCitizen) return 'by_citizen';
    const target = await this.recipient(payload.aspirationId);
    if (typeof target === 'string') return target;
    const publicReason = await this.repo.publicEventBody(payload.aspirationId, 'status_changed', outboxId, payload.to);
    const content = statusChangedMail(target.info, { from: payload.from, to: payload.to, publicReason });
    return this.delivery.deliver({ dedupeKey: `status:${outboxId}`, kind: 'citizen_status', aspirationId: payload.aspirationId, opdId: target.row.opdId }, target.email, content);
  }

  async onReplied({ outboxId, payload }: OutboxMessage<RepliedPayload>): Promise<CitizenNotifyResult> {
    const target = await this.recipient(payload.aspirationId);
    if (typeof target === 'string') return target;
    const publicBody = await this.repo.publicEventBody(payload.aspirationId, 'reply', outboxId);
    if (!publicBody) {
      this.logger.warn(`reply ${outboxId}: no public reply found for aspiration ${payload.aspirationId}`);
      return 'no_public_reply';
    }
    const content = replyMail(target.info, { publicBody, status: target.row.status });
    return this.delivery.deliver({ dedupeKey: `reply:${outboxId}`, kind: 'citizen_reply', aspirationId: payload.aspirationId, opdId: target.row.opdId }, target.email, content);
  }

  /** The citizen's decrypted address, or why there is none. The address stays in memory: never logged. */
  private async recipient(aspirationId: string): Promise<{ row: AspirationForCitizen; email: string; info: CitizenAspirationInfo } | 'not_found' | 'no_email'> {
    const row = await this.repo.aspirationForCitizen(aspirationId);
    if (!row) return 'not_found';
    if (row.isAnonymous || !row.wantsEmail || !row.emailEnc) return 'no_email';
    const email = this.crypto.decrypt(row.emailEnc);
    if (!email) return 'no_email';
    const info: CitizenAspirationInfo = {
      trackingCode: row.trackingCode,
      categoryLabel: row.categoryLabel,
      opdName: row.opdName,
      portalUrl: this.config.http.portalUrl,
      name: this.crypto.decrypt(row.nameEnc),
    };
    return { row, email, info };
  }
}
