import { readFileSync } from 'fs';
import { join } from 'path';
import { analyzeText, type SentimentLabel } from '..';

const label = (t: string) => analyzeText(t).sentiment.label;

describe('sentiment', () => {
  it.each<[string, SentimentLabel]>([
    ['Jalan berlubang parah, sudah 3 bulan belum diperbaiki', 'negatif'],
    ['pelayanan lambat bgt, nunggu lama dan petugasnya judes 😡', 'negatif'],
    ['ada pungli di kelurahan, kecewa', 'negatif'],
    ['lampune mati kabeh, dalane peteng', 'negatif'],
    ['Terima kasih, petugas DLH sigap dan ramah 🙏', 'positif'],
    ['Mantap, jalannya sekarang mulus', 'positif'],
    ['Pelayanannya tidak bagus', 'negatif'],
    ['Kapan jadwal posyandu bulan ini?', 'netral'],
    ['Usul dibuat taman baca di balai RW supaya anak-anak lebih mudah belajar', 'netral'],
    ['Mohon segera diperbaiki, saluran mampet dan bau', 'negatif'],
  ])('%s -> %s', (text, expected) => {
    expect(label(text)).toBe(expected);
  });

  it('negation: "tidak rusak" is not negative', () => {
    expect(label('jalannya tidak rusak')).not.toBe('negatif');
    expect(analyzeText('tidak rusak').sentiment.score).toBeGreaterThanOrEqual(0);
  });

  it('intensifiers and emoji move the score', () => {
    const plain = analyzeText('jalan rusak').sentiment.score;
    expect(analyzeText('jalan sangat rusak').sentiment.score).toBeLessThan(plain);
    expect(analyzeText('jalan rusak 😡😡').sentiment.score).toBeLessThan(plain);
    expect(analyzeText('petugas ramah 👍').sentiment.score).toBeGreaterThan(analyzeText('petugas ramah').sentiment.score);
  });

  it.each([
    'Mantap, jalan rusak lagi',
    'Hebat sekali, sudah 3 bulan belum diperbaiki',
    'Terima kasih lho sudah dibiarkan',
    "Katanya 'bagus', nyatanya sampah numpuk",
  ])('reads sarcasm: %s', (text) => {
    const s = analyzeText(text).sentiment;
    expect(s.label).toBe('negatif');
    expect(s.sarcasm).toBe(true);
  });

  it('explains itself with the driving terms', () => {
    const s = analyzeText('Jalan rusak, petugas ramah').sentiment;
    expect(s.terms.map((t) => t.term)).toEqual(expect.arrayContaining(['rusak', 'ramah']));
    expect(s.score).toBeGreaterThanOrEqual(-1);
    expect(s.score).toBeLessThanOrEqual(1);
  });

  it('reaches macro-F1 >= 0.75 on the development set', () => {
    const rows = parseCsv(readFileSync(join(__dirname, '../../../../../shared/data/aspirations-dev.csv'), 'utf8'));
    const header = rows.shift() as string[];
    const iText = header.indexOf('text');
    const iGold = header.indexOf('sentiment');
    const labels: SentimentLabel[] = ['negatif', 'netral', 'positif'];
    const tp: Record<string, number> = {}, fp: Record<string, number> = {}, fn: Record<string, number> = {};
    for (const l of labels) tp[l] = fp[l] = fn[l] = 0;
    for (const r of rows) {
      const gold = r[iGold];
      const pred = label(r[iText]);
      if (pred === gold) tp[gold]++;
      else {
        fp[pred]++;
        fn[gold]++;
      }
    }
    const f1 = labels.map((l) => (2 * tp[l]) / (2 * tp[l] + fp[l] + fn[l] || 1));
    const macro = f1.reduce((a, b) => a + b, 0) / labels.length;
    expect(rows.length).toBe(140);
    expect(macro).toBeGreaterThanOrEqual(0.75);
  });
});

function parseCsv(s: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let f = '';
  let q = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (q) {
      if (c === '"') {
        if (s[i + 1] === '"') { f += '"'; i++; } else q = false;
      } else f += c;
    } else if (c === '"') q = true;
    else if (c === ',') { row.push(f); f = ''; }
    else if (c === '\n') { row.push(f); rows.push(row); row = []; f = ''; }
    else if (c !== '\r') f += c;
  }
  if (f || row.length) { row.push(f); rows.push(row); }
  return rows.filter((r) => r.length > 1);
}
