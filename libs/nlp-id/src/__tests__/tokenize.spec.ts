import { setFlagsFromString } from 'v8';
import { runInNewContext } from 'vm';
import { WinkTokenizer } from '../tokenize';

// A real GC before each heap reading, without needing node --expose-gc.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

describe('WinkTokenizer', () => {
  it('tokenises with wink and merges Indonesian forms', () => {
    const t = new WinkTokenizer();
    const s = t.tokenize('rt 03/rw 05 jl. merdeka anak-anak rp50000 😡 a@b.co');
    expect(s.tokens).toEqual(expect.arrayContaining(['jl', 'merdeka', 'anak-anak', 'rp50000', '😡']));
    expect(s.kinds[s.tokens.indexOf('rp50000')]).toBe('money');
    expect(s.kinds[s.tokens.indexOf('😡')]).toBe('emoji');
    expect(s.tokens).not.toContain('.');
  });

  it('joins hyphens and abbreviation dots only where no space separates them, whatever the space is', () => {
    const t = new WinkTokenizer();
    expect(t.tokenize('anak-anak main bola-bolaan di jl. x').tokens).toEqual(['anak-anak', 'main', 'bola-bolaan', 'di', 'jl', 'x']);
    expect(t.tokenize('anak - anak').tokens).toEqual(['anak', '-', 'anak']);
    expect(t.tokenize('di jl . x').tokens).toEqual(['di', 'jl', '.', 'x']);
    // wink reads no-break and em spaces as spaces too (their counts then come from wink itself)
    for (const gap of ['\u00a0', '\u2003']) {
      expect(t.tokenize(`anak${gap}-anak`).tokens).toEqual(['anak', '-', 'anak']);
      expect(t.tokenize(`anak-${gap}anak`).tokens).toEqual(['anak', '-', 'anak']);
      expect(t.tokenize(`jl${gap}. x`).tokens).toEqual(['jl', '.', 'x']);
      expect(t.tokenize(`x${gap}${gap}anak-anak${gap}jl. x`).tokens).toEqual(['x', 'anak-anak', 'jl', 'x']);
    }
    // and tabs and line breaks as tokens of their own
    expect(t.tokenize('x\tjl. anak\n-anak').tokens).toEqual(['x', '\t', 'jl', 'anak', '\n', '-', 'anak']);
  });

  it('rebuilds the wink instance every N documents so its lexicon cannot grow without bound', () => {
    const t = new WinkTokenizer({ resetEveryDocs: 1000 });
    for (let i = 0; i < 5500; i++) t.tokenize(`kata${i} baru${i * 7} unik${i * 13}`);
    expect(t.generation).toBe(6);
    expect(t.documentsSinceReset).toBe(500);
  });

  it('survives many re-instantiations (works around the model metaCER string growth)', () => {
    const t = new WinkTokenizer();
    for (let i = 0; i < 40; i++) t.reset();
    expect(t.tokenize('jalan rusak').tokens).toEqual(['jalan', 'rusak']);
  });

  it('defaults to a reset every 50k documents', () => {
    const t = new WinkTokenizer();
    for (let i = 0; i < 50_001; i++) t.tokenize('x');
    expect(t.generation).toBe(2);
  });

  it('keeps memory flat over many documents of unseen words', () => {
    const t = new WinkTokenizer({ resetEveryDocs: 5000 });
    const run = (from: number) => {
      for (let i = from; i < from + 20_000; i++) t.tokenize(`w${i}a w${i}b w${i}c w${i}d w${i}e w${i}f w${i}g w${i}h`);
    };
    run(0);
    gc();
    const before = process.memoryUsage().heapUsed;
    run(1_000_000);
    run(2_000_000);
    gc();
    const after = process.memoryUsage().heapUsed;
    // 320k new lexemes would add tens of MB if wink kept them all
    expect(after - before).toBeLessThan(16 * 1024 * 1024);
  });
});
