import { analyzeText, markNegation } from '../index';

describe('negation', () => {
  it('keeps "tidak ada dokter" meaningful through stop-word removal', () => {
    const a = analyzeText('Tidak ada dokter jaga di puskesmas');
    expect(a.tokens).toEqual(expect.arrayContaining(['tidak', 'NOT_ada', 'NOT_dokter']));
    expect(a.tokens).toContain('puskesmas');
  });

  it('stops at punctuation and clause breakers', () => {
    const toks = ['tidak', 'ada', 'dokter', ',', 'perawat', 'ramah'];
    const neg = markNegation(toks, ['word', 'word', 'word', 'punct', 'word', 'word']);
    expect(Array.from(neg)).toEqual([-1, 0, 0, -1, -1, -1]);
    const toks2 = ['belum', 'diperbaiki', 'tapi', 'sudah', 'dicek', 'petugas'];
    const neg2 = markNegation(toks2, ['word', 'word', 'word', 'word', 'word', 'word']);
    expect(Array.from(neg2)).toEqual([-1, 0, -1, -1, -1, -1]);
  });

  it('reaches at most three content tokens', () => {
    const toks = ['tidak', 'ada', 'lampu', 'jalan', 'depan', 'sekolah'];
    const neg = markNegation(toks, toks.map(() => 'word' as const));
    expect(Array.from(neg)).toEqual([-1, 0, 0, 0, -1, -1]);
  });

  it('handles slang negators', () => {
    expect(analyzeText('lampune gak nyala').tokens).toContain('NOT_menyala');
    expect(analyzeText('blm diperbaiki').tokens).toContain('NOT_diperbaiki');
  });
});
