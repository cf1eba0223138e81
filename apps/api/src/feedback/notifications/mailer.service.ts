import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { AppConfig } from '../../config/app-config';
import { APP_CONFIG } from '../../config/config.module';

export interface OutgoingMail {
  to: string | string[];
  subject: string;
  text: string;
  html?: string;
}

/** An SMTP failure; its message has every e-mail address removed, so it can be logged and stored. */
export class MailDeliveryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MailDeliveryError';
  }
}

const EMAIL_PATTERN = /[^\s<>"'(),;:]+@[^\s<>"'(),;:]+/g;

/** Removes e-mail addresses (and the credentials of an SMTP URL) from a text before it is logged. */
export function scrubAddresses(message: string): string {
  return message.replace(/smtps?:\/\/[^\s]+/gi, 'smtp://[server]').replace(EMAIL_PATTERN, '[alamat]').slice(0, 500);
}

/**
 * One nodemailer SMTP transport, created from SMTP_URL. Without SMTP_URL
 * mail is disabled: callers record the notification as skipped. Never logs
 * recipients or bodies.
 */
@Injectable()
export class MailerService implements OnApplicationShutdown {
  private readonly transport?: Transporter;
  private readonly from: string;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.from = config.mail.from;
    if (config.mail.smtpUrl) {
      this.transport = createTransport({
        url: config.mail.smtpUrl,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
        logger: false,
        debug: false,
      });
    }
  }

  get enabled(): boolean {
    return !!this.transport;
  }

  async send(mail: OutgoingMail): Promise<void> {
    if (!this.transport) throw new MailDeliveryError('SMTP_URL is not configured');
    try {
      await this.transport.sendMail({ from: this.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html });
    } catch (err) {
      const e = err as Error & { code?: string; responseCode?: number };
      const detail = [e.code, e.responseCode].filter(Boolean).join(' ');
      throw new MailDeliveryError(scrubAddresses(`${detail ? `${detail}: ` : ''}${e.message}`));
    }
  }

  onApplicationShutdown(): void {
    this.transport?.close();
  }
}
