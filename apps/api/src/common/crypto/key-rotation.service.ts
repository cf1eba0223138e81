import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { FieldEncryptionService } from './field-encryption.service';

/**
 * Re-seals contact details still encrypted with DATA_ENCRYPTION_KEY_PREVIOUS
 * under the current key, in batches, so the previous key can be retired.
 * Contact look-up hashes are recomputed with the current key at the same time.
 */
@Injectable()
export class KeyRotationService {
  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly crypto: FieldEncryptionService,
  ) {}

  async rotateContacts(batchSize = 500): Promise<{ examined: number; resealed: number }> {
    let examined = 0;
    let resealed = 0;
    let after = '00000000-0000-0000-0000-000000000000';
    for (;;) {
      const rows: { aspiration_id: string; name_enc: Buffer | null; phone_enc: Buffer | null; email_enc: Buffer | null }[] = await this.dataSource.query(
        'SELECT aspiration_id, name_enc, phone_enc, email_enc FROM aspiration_contact WHERE aspiration_id > $1 ORDER BY aspiration_id LIMIT $2',
        [after, batchSize],
      );
      if (!rows.length) return { examined, resealed };
      await this.dataSource.transaction(async (m) => {
        for (const r of rows) {
          examined++;
          if (![r.name_enc, r.phone_enc, r.email_enc].some((v) => this.crypto.needsRotation(v))) continue;
          const [name, phone, email] = [r.name_enc, r.phone_enc, r.email_enc].map((v) => this.crypto.decrypt(v));
          const normalized = email ?? (phone ? phone.replace(/^(\+62|62)/, '0') : null);
          await m.query('UPDATE aspiration_contact SET name_enc = $2, phone_enc = $3, email_enc = $4, contact_hash = $5 WHERE aspiration_id = $1', [
            r.aspiration_id,
            this.crypto.encrypt(name),
            this.crypto.encrypt(phone),
            this.crypto.encrypt(email),
            normalized ? this.crypto.lookupHash(normalized) : null,
          ]);
          resealed++;
        }
      });
      after = rows[rows.length - 1].aspiration_id;
    }
  }
}
