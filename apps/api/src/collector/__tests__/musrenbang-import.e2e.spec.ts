import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { startTestApp, TestApp } from '../../testing/test-app';
import { IndicatorImportService } from '../indicator-import.service';
import { MusrenbangImportService } from '../musrenbang-import.service';
import { MUSRENBANG_REQUIRED } from '../musrenbang-row';

const SAMPLE = join(__dirname, '../../../../../../shared/data/musrenbang-sample.csv');

/** e-Musrenbang uploads through HTTP: CSV and XLSX, good and bad rows, schema drift, idempotent re-import. */
describe('Musrenbang import (HTTP, real Postgres)', () => {
  let t: TestApp;
  let db: DataSource;
  let admin: string;
  let bappeda: string;

  beforeAll(async () => {
    t = await startTestApp();
    db = t.app.get(DataSource);
    admin = await t.tokenFor('admin');
    bappeda = await t.tokenFor('bappeda');
  });
  afterAll(() => t.close());

  it('the sample: 54 rows go in, the last 5 are refused with row number and reason; a second import changes nothing', async () => {
    const csv = readFileSync(SAMPLE, 'utf8');
    const first = await t.request('POST', '/collector/imports/musrenbang', { token: bappeda, body: { csv } });
    expect(first.status).toBe(200);
    expect(first.body).toMatchObject({ status: 'partial', rowsRead: 59, rowsInserted: 54, rowsUpdated: 0, rowsUnchanged: 0, rowsRejected: 5 });
    expect(first.body.rejectedSamples).toEqual([
      { row: 55, reason: expect.stringContaining('unknown kelurahan "Sidomulyo"') },
      { row: 56, reason: expect.stringContaining('negative budget') },
      { row: 57, reason: expect.stringContaining('empty proposal') },
      { row: 58, reason: expect.stringContaining('impossible date "2025-02-30"') },
      { row: 59, reason: expect.stringContaining('unknown status "Disetujui Walikota"') },
    ]);
    const [{ n, updated }] = await db.query(`SELECT count(*)::int AS n, max(updated_at) AS updated FROM musrenbang_proposal`);
    expect(n).toBe(54);
    const second = await t.request('POST', '/collector/imports/musrenbang', { token: admin, body: { csv } });
    expect(second.body).toMatchObject({ status: 'partial', rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 54, rowsRejected: 5 });
    const [after] = await db.query(`SELECT count(*)::int AS n, max(updated_at) AS updated FROM musrenbang_proposal`);
    expect(after).toEqual({ n: 54, updated });
    const row = (await db.query(`SELECT *, proposed_on::text AS proposed_on FROM musrenbang_proposal WHERE external_id = '2'`))[0];
    expect(row).toMatchObject({ year: 2025, stage: 'kelurahan', kelurahan_code: '35.77.01.1001', status: 'diakomodir', volume: '250', unit: 'meter', estimated_budget: '225000000.00', proposed_on: '2025-01-24' });
  });

  it('a changed row is updated, not duplicated', async () => {
    const csv = readFileSync(SAMPLE, 'utf8').replace('250 meter,225000000,Diakomodir', '250 meter,230000000,Diakomodir');
    const r = await t.request('POST', '/collector/imports/musrenbang', { token: admin, body: { csv } });
    expect(r.body).toMatchObject({ rowsInserted: 0, rowsUpdated: 1, rowsUnchanged: 53 });
  });

  it('missing or unexpected columns fail the run, listing them', async () => {
    const header = MUSRENBANG_REQUIRED.filter((c) => c !== 'Anggaran' && c !== 'Status').join(',') + ',Catatan_Rahasia';
    const r = await t.request('POST', '/collector/imports/musrenbang', { token: admin, body: { csv: `${header}\n1,2025-01-01,a,b,c,d,e,Taman,Taman,x,y,1 unit,z\n` } });
    expect(r.status).toBe(200);
    expect(r.body.status).toBe('failed');
    expect(r.body.error).toContain('missing columns: Anggaran, Status');
    expect(r.body.error).toContain('unexpected columns: Catatan_Rahasia');
    expect(r.body.rowsInserted).toBe(0);
  });

  it('XLSX goes through the same pipeline (Date cells, aliases, good and bad rows)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Usulan');
    const cols = MUSRENBANG_REQUIRED.map((c) => (c === 'Kelurahan' ? 'Desa/Kelurahan' : c));
    ws.addRow([...cols, 'Tahapan']);
    ws.addRow(['X1', new Date(Date.UTC(2026, 0, 15)), 'LPMK Taman', 'Sosial', 'Bantuan kursi roda', 'Disabilitas', 'RT 1', 'Taman', 'Taman', 'Dinas Sosial', 'Dinas Sosial', '2 unit', 5_500_000, 'Diakomodir', 'kecamatan']);
    ws.addRow(['X2', '2026-01-16', 'LPMK Kejuron', 'Perhubungan', 'Rambu', 'Simpang rawan', 'RT 2', 'Kejuron', 'Taman', 'Dishub', 'Dishub', '5 unit', 16_000_000, 'Menunggu Konfirmasi', 'kecamatan']);
    ws.addRow(['X3', '2026-01-17', 'LPMK Taman', 'Sosial', 'Sembako', 'Lansia', 'RT 3', 'Taman', 'Taman', 'Dinas Sosial', 'Dinas Sosial', '10 paket', -1, 'Diakomodir', 'kecamatan']);
    ws.addRow(['X4', '2026-01-18', 'LPMK Taman', 'Sosial', 'Sembako', 'Lansia', 'RT 3', 'Ngawi', 'Taman', 'Dinas Sosial', 'Dinas Sosial', '10 paket', 1, 'Diakomodir', 'kecamatan']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const r = await t.request('POST', '/collector/imports/musrenbang', { token: bappeda, body: { xlsxBase64: buf.toString('base64') } });
    expect(r.body).toMatchObject({ status: 'partial', rowsRead: 4, rowsInserted: 2, rowsRejected: 2 });
    expect(r.body.rejectedSamples.map((s: { row: number }) => s.row)).toEqual([3, 4]);
    const rows = await db.query(`SELECT external_id, stage, proposed_on::text AS proposed_on, status FROM musrenbang_proposal WHERE year = 2026 ORDER BY external_id`);
    expect(rows).toEqual([
      { external_id: 'X1', stage: 'kecamatan', proposed_on: '2026-01-15', status: 'diakomodir' },
      { external_id: 'X2', stage: 'kecamatan', proposed_on: '2026-01-16', status: 'menunggu' },
    ]);
    const again = await t.request('POST', '/collector/imports/musrenbang', { token: bappeda, body: { xlsxBase64: buf.toString('base64') } });
    expect(again.body).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 2 });
  });

  it('a failed batch is rolled back whole and reported', async () => {
    const svc = t.app.get(MusrenbangImportService);
    const header = MUSRENBANG_REQUIRED.join(',');
    // 61 characters of external id do not fit varchar(60): the database refuses the second batch.
    const line = (no: string) => `${no},2027-01-01,a,Sosial,Usulan ${no},m,RT 1,Taman,Taman,x,y,1 unit,100,Diakomodir`;
    const csv = [header, line('B1'), line('B2'), line('B3'), line('B'.repeat(61))].join('\n');
    const run = await svc.import(csv, { format: 'csv', batchSize: 2 });
    expect(run).toMatchObject({ status: 'partial', rowsInserted: 2, rowsRejected: 2 });
    expect(run.rejectedSamples[0]).toEqual({ row: 3, reason: expect.stringContaining('batch of rows 3-4 rolled back') });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM musrenbang_proposal WHERE year = 2027`);
    expect(n).toBe(2);
  });

  it('takes the export as a text/csv body too', async () => {
    const r = await t.request('POST', '/collector/imports/musrenbang/csv?stage=kelurahan', { token: bappeda, rawBody: readFileSync(SAMPLE, 'utf8'), headers: { 'content-type': 'text/csv' } });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ rowsRead: 59, rowsInserted: 0, rowsRejected: 5 });
    const empty = await t.request('POST', '/collector/imports/musrenbang/csv', { token: bappeda, rawBody: ' ', headers: { 'content-type': 'text/csv' } });
    expect(empty.status).toBe(400);
  });

  it('the bulk path (COPY into staging, set-based merge) gives the same counts and the same rollback per batch', async () => {
    const svc = t.app.get(MusrenbangImportService);
    await db.query(`DELETE FROM musrenbang_proposal`);
    const csv = readFileSync(SAMPLE, 'utf8');
    const first = await svc.import(csv, { format: 'csv', bulk: true, batchSize: 20 });
    expect(first).toMatchObject({ status: 'partial', rowsRead: 59, rowsInserted: 54, rowsUpdated: 0, rowsUnchanged: 0, rowsRejected: 5 });
    expect(first.rejectedSamples.map((r) => r.row)).toEqual([55, 56, 57, 58, 59]);
    const again = await svc.import(csv, { format: 'csv', bulk: true, batchSize: 20 });
    expect(again).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 54, rowsRejected: 5 });
    const changed = await svc.import(csv.replace('250 meter,225000000,Diakomodir', '250 meter,1,Diakomodir'), { format: 'csv', bulk: true });
    expect(changed).toMatchObject({ rowsInserted: 0, rowsUpdated: 1, rowsUnchanged: 53 });

    const header = MUSRENBANG_REQUIRED.join(',');
    const line = (no: string) => `${no},2028-01-01,a,Sosial,Usulan\t\\${no},m,RT 1,Taman,Taman,x,y,1 unit,100,Diakomodir`;
    const bad = [header, line('C1'), line('C2'), line('C3'), line('C'.repeat(61))].join('\n');
    const run = await svc.import(bad, { format: 'csv', bulk: true, batchSize: 2 });
    expect(run).toMatchObject({ status: 'partial', rowsInserted: 2, rowsRejected: 2 });
    expect(run.rejectedSamples[1]).toEqual({ row: 4, reason: expect.stringContaining('batch of rows 3-4 rolled back') });
    const [{ n }] = await db.query(`SELECT count(*)::int AS n FROM musrenbang_proposal WHERE year = 2028`);
    expect(n).toBe(2);
  });

  it('the bulk path: a batch with new and existing proposals is merged; a repeated proposal in one batch ends as its last row', async () => {
    const svc = t.app.get(MusrenbangImportService);
    const header = MUSRENBANG_REQUIRED.join(',');
    const line = (no: string, budget: number) => `${no},2030-03-01,a,Sosial,Usulan ${no},m,RT 1,Taman,Taman,x,y,1 unit,${budget},Diakomodir`;
    const first = await svc.import([header, line('E1', 100), line('E2', 100), line('E3', 100)].join('\n'), { format: 'csv', bulk: true });
    expect(first).toMatchObject({ status: 'succeeded', rowsInserted: 3, rowsUpdated: 0, rowsUnchanged: 0 });
    // E2 unchanged, E3 changed, E4 new, E5 twice in the same batch: the later row wins
    const next = [header, line('E2', 100), line('E3', 300), line('E4', 100), line('E5', 1), line('E5', 500)].join('\n');
    const second = await svc.import(next, { format: 'csv', bulk: true });
    expect(second).toMatchObject({ status: 'succeeded', rowsRead: 5, rowsInserted: 2, rowsUpdated: 1, rowsUnchanged: 2 });
    const rows = await db.query(`SELECT external_id, estimated_budget::int AS budget FROM musrenbang_proposal WHERE year = 2030 ORDER BY 1`);
    expect(rows).toEqual([
      { external_id: 'E1', budget: 100 },
      { external_id: 'E2', budget: 100 },
      { external_id: 'E3', budget: 300 },
      { external_id: 'E4', budget: 100 },
      { external_id: 'E5', budget: 500 },
    ]);
    // A new batch with a repeated proposal goes straight in with its last row too.
    const fresh = await svc.import([header, line('F1', 1), line('F1', 2)].join('\n'), { format: 'csv', bulk: true });
    expect(fresh).toMatchObject({ rowsInserted: 1, rowsUnchanged: 1 });
    expect(await db.query(`SELECT estimated_budget::int AS budget FROM musrenbang_proposal WHERE external_id = 'F1'`)).toEqual([{ budget: 2 }]);
  });

  it('a malformed CSV record is rejected with its row number; the rest go in', async () => {
    const header = MUSRENBANG_REQUIRED.join(',');
    const line = (no: string) => `${no},2029-01-01,a,Sosial,Usulan ${no},m,RT 1,Taman,Taman,x,y,1 unit,100,Diakomodir`;
    const csv = [header, line('D1'), 'D2,2029-01-01,a,b', line('D3')].join('\n');
    for (const bulk of [false, true]) {
      const run = await t.app.get(MusrenbangImportService).import(csv, { format: 'csv', bulk });
      expect(run).toMatchObject({ status: 'partial', rowsRead: 3, rowsRejected: 1, rejectedSamples: [{ row: 2, reason: expect.stringContaining('malformed CSV record') }] });
    }
    const rows = await db.query(`SELECT external_id, proposal FROM musrenbang_proposal WHERE year = 2029 ORDER BY 1`);
    expect(rows).toEqual([{ external_id: 'D1', proposal: 'Usulan D1' }, { external_id: 'D3', proposal: 'Usulan D3' }]);
  });

  it('indicator files go through the same pipeline; a re-import changes nothing; unexpected columns fail', async () => {
    const svc = t.app.get(IndicatorImportService);
    const csv = 'indicator,region,period,value,unit\nJumlah Posyandu,Taman,2024,31,unit\nJumlah Posyandu,Kartoharjo,2024,abc,unit\n';
    expect(await svc.import(csv, { format: 'csv', source: 'dinkes' })).toMatchObject({ status: 'partial', rowsInserted: 1, rejectedSamples: [{ row: 2, reason: 'value: not a number "abc"' }] });
    expect(await svc.import(csv, { format: 'csv', source: 'dinkes' })).toMatchObject({ rowsInserted: 0, rowsUpdated: 0, rowsUnchanged: 1 });
    const drift = await svc.import('indikator,region,period,value\nx,y,z,1\n', { format: 'csv', source: 'dinkes' });
    expect(drift).toMatchObject({ status: 'failed', error: expect.stringContaining('missing columns: indicator; unexpected columns: indikator') });
  });

  it('access and validation', async () => {
    const citizen = await t.tokenFor('citizen');
    expect((await t.request('POST', '/collector/imports/musrenbang', { token: citizen, body: { csv: 'a' } })).status).toBe(403);
    const both = await t.request('POST', '/collector/imports/musrenbang', { token: admin, body: {} });
    expect(both.status).toBe(400);
  });
});
