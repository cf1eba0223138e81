import { analyzeText, cleanText, foldRepeats, normalizeText, splitSentences, SLANG_SIZE } from '../index';

describe('normalisation', () => {
  it('cleans Unicode: NFKC, zero-width, fancy quotes', () => {
    expect(cleanText('Jalan\u200B rusak \u201Cparah\u201D ｔｏｌｏｎｇ\u00A0ya')).toBe('Jalan rusak "parah" tolong ya');
  });

  it('folds letter and punctuation floods', () => {
    expect(foldRepeats('bangeeet parahhh!!! kenapa??? maaaaf')).toBe('banget parah! kenapa? maaf');
  });

  it('keeps money and grouped numbers as one token', () => {
    const n = normalizeText('Bayar Rp50.000, Rp 1.500.000,- lalu 1.500.000 dan 2,5 juta, rp. 300rb');
    expect(n).toContain('rp50000');
    expect(n).toContain('rp1500000');
    expect(n).toContain('2500000');
    expect(n).toContain('rp300000');
    const t = analyzeText('iuran Rp 1.500.000 per bulan').tokens;
    expect(t).toContain('rp1500000');
  });

  it('expands digit reduplication and keeps hyphenated reduplication whole', () => {
    expect(normalizeText('anak2 main')).toBe('anak-anak main');
    const a = analyzeText('anak2 berkali-kali jalan-jalan ke peminta-minta');
    expect(a.tokens).toEqual(expect.arrayContaining(['anak-anak', 'berkali-kali', 'jalan-jalan']));
    expect(a.stems).toEqual(expect.arrayContaining(['anak', 'kali', 'jalan', 'minta']));
  });

  it('expands slang, abbreviations and Javanese', () => {
    expect(SLANG_SIZE).toBeGreaterThan(300);
    const n = (s: string) => analyzeText(s).normalized;
    expect(n('yg tdk sdh blm krn tlg mhn utk dgn sy')).toBe('yang tidak sudah belum karena tolong mohon untuk dengan saya');
    expect(n('gak ga nggak ngga gk mboten ora')).toBe('tidak tidak tidak tidak tidak tidak tidak');
    expect(n('jln rusak dll')).toBe('jalan rusak dan lain-lain');
    expect(n('dalane peteng, banyu ora mili, wes durung didandani')).toBe('jalannya gelap, air tidak mili, sudah belum diperbaiki');
    expect(n('matur nuwun pak')).toBe('terima kasih bapak');
    expect(n('monggo opo piye akeh')).toBe('silakan apa bagaimana banyak');
  });

  it('reads "kali" as river only in a river context', () => {
    expect(analyzeText('sampah di kali menumpuk').normalized).toBe('sampah di sungai menumpuk');
    expect(analyzeText('sudah tiga kali lapor').normalized).toBe('sudah tiga kali lapor');
    expect(analyzeText('sudah 3 kali lapor').normalized).toBe('sudah 3 kali lapor');
  });

  it('does not split sentences after Jl., Kec., Bpk., No.', () => {
    expect(splitSentences('Jl. Merdeka No. 5 rusak. Bpk. Budi dari Kec. Taman sdh lapor! Kapan diperbaiki? Ok.')).toEqual([
      'Jl. Merdeka No. 5 rusak.',
      'Bpk. Budi dari Kec. Taman sdh lapor!',
      'Kapan diperbaiki?',
      'Ok.',
    ]);
  });
});
