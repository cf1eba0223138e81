import { Readable } from 'node:stream';
import { csvRows } from '../file-readers';
import type { RawRow } from '../pipeline';

const RULES = { required: ['No', 'Usulan', 'Kelurahan'], optional: ['Keterangan'], aliases: { 'Desa/Kelurahan': 'Kelurahan' } };

async function collect(rows: AsyncIterable<RawRow>): Promise<RawRow[]> {
  const out: RawRow[] = [];
  for await (const r of rows) out.push(r);
  return out;
}

/** The same bytes cut into pieces of `size`: records, quoted line breaks and multi-byte characters get split across chunks. */
const pieces = (text: string, size: number) => {
  const bytes = Buffer.from(text, 'utf8');
  const parts: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) parts.push(bytes.subarray(i, i + size));
  return Readable.from(parts);
};

describe('csvRows', () => {
  const csv = [
    '\uFEFFNo,Usulan,Desa/Kelurahan,Keterangan',
    '1,"Perbaikan jalan, RT 02",Taman,',
    '',
    '2,"Lampu jalan ""PJU""\r\nmati",Kejuron,catatan é 😀',
    '3,terlalu,sedikit',
    '4,Drainase,Manguharjo,"kutip ""ganda"""',
  ].join('\r\n');

  const expected: RawRow[] = [
    { row: 1, data: { No: '1', Usulan: 'Perbaikan jalan, RT 02', Kelurahan: 'Taman', Keterangan: '' } },
    { row: 2, data: { No: '2', Usulan: 'Lampu jalan "PJU"\r\nmati', Kelurahan: 'Kejuron', Keterangan: 'catatan é 😀' } },
    { row: 3, data: {}, error: 'malformed CSV record: expected 4 fields, found 3' },
    { row: 4, data: { No: '4', Usulan: 'Drainase', Kelurahan: 'Manguharjo', Keterangan: 'kutip "ganda"' } },
  ];

  it('reads a whole string: BOM, CRLF, quoted commas and line breaks, empty lines skipped, a short record rejected in place', async () => {
    expect(await collect(csvRows(csv, RULES))).toEqual(expected);
  });

  it.each([1, 2, 3, 7, 64])('gives the same rows from a stream cut every %i bytes', async (size) => {
    expect(await collect(csvRows(pieces(csv, size), RULES))).toEqual(expected);
  });

  it('reads LF files and a last line without a line break', async () => {
    const rows = await collect(csvRows('No,Usulan,Kelurahan\n1,a,Taman\n2,b,Kejuron', RULES));
    expect(rows.map((r) => r.data.No)).toEqual(['1', '2']);
  });

  it('reports broken quoting as a malformed record with its row number', async () => {
    const rows = await collect(csvRows('No,Usulan,Kelurahan\n1,a,Taman\n2,"b"x,Kejuron\n', RULES));
    expect(rows[0]).toEqual({ row: 1, data: { No: '1', Usulan: 'a', Kelurahan: 'Taman' } });
    expect(rows[1]).toMatchObject({ row: 2, error: expect.stringMatching(/^malformed CSV record: .*quote/i) });
  });

  it('fails before the first row when columns are missing or unexpected', async () => {
    await expect(collect(csvRows('No,Usulan,Desa\n1,a,b\n', RULES))).rejects.toThrow('missing columns: Kelurahan; unexpected columns: Desa');
  });
});
