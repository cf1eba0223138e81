import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { trainTopicModel } from '@ogh/nlp-id';
import { TurnBatchedClassifier } from '../turn-batched-classifier';

const { parse } = require('csv-parse/sync') as { parse: (input: Buffer, o: object) => Record<string, string>[] };
const corpus = parse(readFileSync(join(__dirname, '../../../../../libs/nlp-id/corpus/aspirasi-latih.csv')), { columns: true }).map((r) => ({
  text: r.text,
  category: r.category,
}));

describe('intake classification batched per event-loop turn', () => {
  const model = trainTopicModel(corpus, { calibrate: false });

  it('classifies a burst together at the end of the turn, each text answered as the model answers it', async () => {
    const seen: string[] = [];
    const batched = new TurnBatchedClassifier((text) => {
      seen.push(text);
      return model.classify(text);
    });
    const texts = corpus.slice(0, 200).map((r) => r.text).concat(['zzzz qqqq']);
    const pending = texts.map((t) => batched.classify(t));
    expect(seen).toHaveLength(0); // nothing classified inside the requests' own turn
    const guesses = await Promise.all(pending);
    expect(seen).toEqual(texts);
    expect(guesses).toEqual(texts.map((t) => model.classify(t)));
    expect(guesses.at(-1)).toBeNull();
  });

  it('a text that fails fails alone, and the next turn starts a new batch', async () => {
    const batched = new TurnBatchedClassifier((text) => {
      if (text === 'rusak') throw new Error('model failed on this text');
      return { category: 'infrastruktur_jalan', confidence: 0.9 };
    });
    const [ok, bad, ok2] = await Promise.allSettled([batched.classify('jalan'), batched.classify('rusak'), batched.classify('aspal')]);
    expect(ok).toEqual({ status: 'fulfilled', value: { category: 'infrastruktur_jalan', confidence: 0.9 } });
    expect(bad).toMatchObject({ status: 'rejected', reason: new Error('model failed on this text') });
    expect(ok2.status).toBe('fulfilled');
    await expect(batched.classify('jembatan')).resolves.toEqual({ category: 'infrastruktur_jalan', confidence: 0.9 });
  });
});
