import { analyzeText, extractTerms, termsOf } from '..';

describe('pipeline', () => {
  it('returns normalized text, tokens, stems, sentiment and PII', () => {
    const a = analyzeText('Kerusakan jln di dpn SDN sdh parahhh, tdk ada perbaikan!!! Hub 081234567890');
    expect(a.normalized).toContain('jalan');
    expect(a.normalized).not.toContain('081234567890');
    expect(a.pii.map((p) => p.kind)).toEqual(['phone']);
    expect(a.tokens).toEqual(expect.arrayContaining(['kerusakan', 'jalan', 'parah', 'tidak', 'NOT_ada', 'NOT_perbaikan']));
    expect(a.stems).toEqual(expect.arrayContaining(['rusak', 'jalan', 'NOT_baik']));
    expect(a.stems.length).toBe(a.tokens.length);
    expect(a.tokens).not.toContain('di');
    expect(a.sentiment.label).toBe('negatif');
  });

  it('joins normalized text with no space before punctuation, flags questions, and keeps both in JSON', () => {
    const a = analyzeText('Kapan   jln di depan SDN diperbaiki? Sdh 3 bln, "katanya" minggu ini.');
    expect(a.normalized).toBe('kapan jalan di depan sdn diperbaiki? sudah 3 bulan," katanya" minggu ini.');
    expect(a.question).toBe(true);
    expect(analyzeText('Jalan rusak, mohon diperbaiki.').question).toBe(false);
    expect(JSON.parse(JSON.stringify(a))).toEqual({
      normalized: a.normalized, question: true, tokens: a.tokens, stems: a.stems, sentiment: a.sentiment, pii: [],
    });
  });

  it('builds terms with bigrams for the classifier', () => {
    const terms = extractTerms('lampu jalan mati');
    expect(terms).toEqual(['lampu', 'jalan', 'mati', 'lampu_jalan', 'jalan_mati']);
    expect(termsOf({ stems: ['a', 'b'] }, { bigrams: false })).toEqual(['a', 'b']);
  });

  it('copes with empty and odd input', () => {
    expect(analyzeText('').tokens).toEqual([]);
    expect(analyzeText('!!! ??? ...').sentiment.label).toBe('netral');
    expect(analyzeText('\u200B\u200B').normalized).toBe('');
  });
});
