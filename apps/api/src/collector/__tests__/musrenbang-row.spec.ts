import { mapStatus, parseAmount, parseCoefficient, parseDate, validateMusrenbangRow } from '../musrenbang-row';
import { checkColumns } from '../pipeline';
import { bpsObservations, stripHtml } from '../connectors/bps.connector';
import { redact } from '../connectors/http';

describe('e-Musrenbang row rules (pure)', () => {
  const ctx = { kelurahan: new Map([['oro oro ombo', '35.77.01.1001']]), stage: 'kelurahan' };
  const good = { No: '1', Tgl_Usul: '2025-01-18', Pengusul: 'LPMK', Urusan: 'Sosial', Usulan: 'Kursi roda', Permasalahan: 'x', Alamat: 'RT 1', Kelurahan: 'Oro-oro Ombo', Kecamatan: 'Kartoharjo', SKPD_Tujuan_Awal: 'Dinsos', SKPD_Tujuan_Akhir: 'Dinsos', Koefisien: '2 unit', Anggaran: '5.500.000', Status: 'Menunggu Konfirmasi' };

  it('maps statuses and refuses others', () => {
    expect(mapStatus('Diakomodir')).toBe('diakomodir');
    expect(mapStatus('Tidak  Diakomodir')).toBe('tidak diakomodir');
    expect(mapStatus('Menunggu Konfirmasi')).toBe('menunggu');
    expect(mapStatus('Disetujui Walikota')).toBeNull();
  });

  it('dates must exist on the calendar', () => {
    expect(parseDate('2025-02-28')).toBe('2025-02-28');
    expect(parseDate('2025-02-30')).toBeNull();
    expect(parseDate('29/02/2024')).toBe('2024-02-29');
    expect(parseDate('31/04/2025')).toBeNull();
    // leap years: every 4th, not centuries, but every 400th
    expect(parseDate('29/02/2023')).toBeNull();
    expect(parseDate('29/02/1900')).toBeNull();
    expect(parseDate('29-02-2000')).toBe('2000-02-29');
    expect(parseDate('2025-1-5')).toBe('2025-01-05');
    expect(parseDate('2025-12-31')).toBe('2025-12-31');
    for (const bad of ['0/01/2025', '01/00/2025', '2025-00-10', '32/01/2025', '2025-01-1x', '']) expect(parseDate(bad)).toBeNull();
    expect(parseDate(new Date(Date.UTC(2025, 5, 7)))).toBe('2025-06-07');
  });

  it('maps status spellings the same way on every call (cached)', () => {
    for (let i = 0; i < 2; i++) {
      expect(mapStatus(' Menunggu  Konfirmasi ')).toBe('menunggu');
      expect(mapStatus('TIDAK DIAKOMODIR')).toBe('tidak diakomodir');
      expect(mapStatus('Ditolak')).toBeNull();
    }
  });

  it('parses amounts and coefficients', () => {
    expect(parseAmount('5.500.000')).toBe(5_500_000);
    expect(parseAmount('Rp 18750000')).toBe(18_750_000);
    expect(parseAmount('-5000000')).toBe(-5_000_000);
    expect(parseCoefficient('25 orang')).toEqual({ volume: '25', unit: 'orang' });
    expect(parseCoefficient('1.500 meter')).toEqual({ volume: '1500', unit: 'meter' });
  });

  it('a good row normalises; each fault names its column', () => {
    const r = validateMusrenbangRow({ row: 1, data: good }, ctx);
    expect(r).toMatchObject({ ok: true, value: { year: 2025, kelurahan_code: '35.77.01.1001', status: 'menunggu', estimated_budget: '5500000.00', volume: '2', unit: 'unit' } });
    const reason = (patch: Record<string, string>) => {
      const v = validateMusrenbangRow({ row: 7, data: { ...good, ...patch } }, ctx);
      return v.ok ? null : v.reason;
    };
    expect(reason({ Kelurahan: 'Sidomulyo' })).toMatch(/^Kelurahan: unknown kelurahan/);
    expect(reason({ Anggaran: '-1' })).toMatch(/^Anggaran: negative budget/);
    expect(reason({ Usulan: ' ' })).toBe('Usulan: empty proposal');
    expect(reason({ Tgl_Usul: '2025-13-01' })).toMatch(/^Tgl_Usul: impossible date/);
    expect(reason({ Status: 'Disetujui Walikota' })).toMatch(/^Status: unknown status/);
  });

  it('lists missing and unexpected columns', () => {
    expect(checkColumns(['a', 'x'], ['a', 'b'], [])).toBe('missing columns: b; unexpected columns: x');
    expect(checkColumns(['a', 'b'], ['a', 'b'], ['c'])).toBeNull();
  });

  it('BPS: keys are built from the label arrays, never parsed', () => {
    // vervar 1 + var 11 and vervar 11 + var 1 concatenate alike: only the label arrays tell them apart.
    const body = {
      var: [{ val: 11, label: 'Jumlah <b>Penduduk</b>', unit: 'Jiwa' }],
      vervar: [{ val: 1, label: 'Kartoharjo' }, { val: 11, label: 'Taman' }],
      turvar: [{ val: 0, label: 'Tidak ada' }],
      tahun: [{ val: 124, label: '2024' }],
      turtahun: [{ val: 0, label: 'Tahunan' }],
      datacontent: { '11101240': 100, '111101240': 200 },
    };
    const obs = bpsObservations(body);
    expect(obs).toEqual([
      expect.objectContaining({ region: '1', indicator: 'Jumlah Penduduk', period: '2024', value: 100, unit: 'Jiwa' }),
      expect.objectContaining({ region: '11', value: 200 }),
    ]);
    expect(stripHtml('<p>A&amp;B</p>')).toBe('A&B');
  });

  it('redacts keys from URLs', () => {
    expect(redact('https://x/key/SECRET123/?api_key=abc&q=1', ['SECRET123'])).toBe('https://x/key/***/?api_key=***&q=1');
  });
});
