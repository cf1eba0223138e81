import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { startTestApp } from '../../../testing/test-app';
import { FieldEncryptionService } from '../field-encryption.service';
import { KeyRotationService } from '../key-rotation.service';

describe('encryption key rotation (real Postgres)', () => {
  it('keeps old contact details readable with the previous key and re-seals them under the new one', async () => {
    const oldKey = randomBytes(32).toString('hex');
    const newKey = randomBytes(32).toString('hex');
    const before = await startTestApp({ env: { DATA_ENCRYPTION_KEY: oldKey } });
    const submitted = await before.request('POST', '/aspirations', {
      body: { text: 'Trotoar di Jl. Pahlawan rusak dan licin.', kelurahanCode: '35.77.02.1001', contact: { name: 'Rina', email: 'rina@example.id', consent: true } },
    });
    const id = submitted.body.id as string;
    // Same database, next deployment: new key, old key kept as previous.
    const dbUrl = before.db.url;
    await before.app.close();

    const { createApp } = await import('../../../app.factory');
    const { loadConfig } = await import('../../../config/app-config');
    const { createLogger } = await import('../../../common/logging/logger');
    const config = loadConfig({ DATABASE_URL: dbUrl, JWT_SECRET: randomBytes(32).toString('hex'), DATA_ENCRYPTION_KEY: newKey, DATA_ENCRYPTION_KEY_PREVIOUS: oldKey, LOG_LEVEL: 'silent' });
    const app = await createApp({ config, databaseUrl: dbUrl, schedule: false, logger: createLogger('silent') });
    await app.init();
    try {
      const crypto = app.get(FieldEncryptionService);
      const [row] = await app.get(DataSource).query('SELECT email_enc FROM aspiration_contact WHERE aspiration_id = $1', [id]);
      expect(crypto.decrypt(row.email_enc)).toBe('rina@example.id');
      expect(crypto.needsRotation(row.email_enc)).toBe(true);

      expect(await app.get(KeyRotationService).rotateContacts()).toEqual({ examined: 1, resealed: 1 });
      const [after] = await app.get(DataSource).query('SELECT email_enc FROM aspiration_contact WHERE aspiration_id = $1', [id]);
      expect(crypto.needsRotation(after.email_enc)).toBe(false);
      expect(crypto.decrypt(after.email_enc)).toBe('rina@example.id');
      expect(await app.get(KeyRotationService).rotateContacts()).toEqual({ examined: 1, resealed: 0 });
    } finally {
      await app.close();
      await before.db.drop();
    }
  });
});
