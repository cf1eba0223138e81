import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TOPIC_WORKER_FILE, trainTopicModel, type TopicModelJSON } from '@ogh/nlp-id';
import { TopicClassifierPool } from '../topic-classifier.pool';

const { parse } = require('csv-parse/sync') as { parse: (input: Buffer, o: object) => Record<string, string>[] };
const corpus = parse(readFileSync(join(__dirname, '../../../../../libs/nlp-id/corpus/aspirasi-latih.csv')), { columns: true }).map((r) => ({
  text: r.text,
  category: r.category,
}));

describe('topic classification on worker threads', () => {
  const model = trainTopicModel(corpus, { calibrate: false });
  const json = model.toJSON() as TopicModelJSON;

  beforeAll(() => {
    if (!existsSync(TOPIC_WORKER_FILE)) throw new Error(`${TOPIC_WORKER_FILE} is missing: build the libraries first (npm test does)`);
  });

  it('answers a burst of texts like the model on this thread, in order', async () => {
    const pool = new TopicClassifierPool(json, 2);
    try {
      const texts = corpus.slice(0, 300).map((r) => r.text).concat(['zzzz qqqq']);
      const guesses = await Promise.all(texts.map((t) => pool.classify(t)));
      expect(guesses).toEqual(texts.map((t) => model.classify(t)));
      expect(guesses.at(-1)).toBeNull();
    } finally {
      await pool.destroy();
    }
  });

  it('refuses texts once closed, so callers fall back instead of waiting', async () => {
    const pool = new TopicClassifierPool(json, 1);
    await pool.classify('Lampu jalan mati');
    const late = expect(pool.classify('Sampah menumpuk di TPS')).rejects.toThrow(/closed/);
    await pool.destroy();
    await late;
  });

  it('rejects (and does not hang) when the worker cannot load its model', async () => {
    const pool = new TopicClassifierPool({ format: 'not-a-model' } as unknown as TopicModelJSON, 1);
    try {
      await expect(pool.classify('Jalan berlubang')).rejects.toThrow(/ogh-topic-model/);
    } finally {
      await pool.destroy();
    }
  });
});
