import { Module } from '@nestjs/common';
import { AsnDigestJob } from './asn-digest.job';
import { CitizenNotificationsService } from './citizen-notifications.service';
import { MailerService } from './mailer.service';
import { NotificationDeliveryService } from './notification-delivery.service';
import { NotificationsRepository } from './notifications.repository';

/**
 * E-mail notifications: citizens hear about status changes and replies (from
 * the outbox), ASN get a daily digest per OPD. SMTP via nodemailer; without
 * SMTP_URL every notification is recorded as skipped.
 */
@Module({
  providers: [MailerService, NotificationsRepository, NotificationDeliveryService, CitizenNotificationsService, AsnDigestJob],
  exports: [MailerService, CitizenNotificationsService, AsnDigestJob],
})
export class NotificationsModule {}
