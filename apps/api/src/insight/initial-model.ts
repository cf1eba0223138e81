import { SentimentModel, TopicModel, trainSentimentModel, trainTopicModel } from '@ogh/nlp-id';
import { DataSource } from 'typeorm';
import { LabelledText, readLabelledCsv, shippedCorpusPath } from './corpus';

/** What a stored model version holds: the topic model and the sentiment model it runs with. */
export interface StoredModels {
  topic: ReturnType<TopicModel['toJSON']>;
  sentiment: ReturnType<SentimentModel['toJSON']> | null;
}

export function trainModels(topicExamples: LabelledText[], corpus: LabelledText[]): { topic: TopicModel; sentiment: SentimentModel; stored: StoredModels } {
  const topic = trainTopicModel(topicExamples);
  const sentiment = trainSentimentModel(corpus.filter((e): e is LabelledText & { sentiment: string } => !!e.sentiment) as never);
  return { topic, sentiment, stored: { topic: topic.toJSON(), sentiment: sentiment.toJSON() } };
}

/**
 * Trains and activates the first models from the shipped corpus when the
 * database has none. Idempotent; the caller holds the migration lock.
 */
export async function seedInitialTopicModel(ds: DataSource): Promise<string | null> {
  const [exists] = await ds.query(`SELECT 1 FROM insight_model WHERE kind = 'topic' AND is_active`);
  if (exists) return null;
  const corpus = readLabelledCsv(shippedCorpusPath());
  const { topic, stored } = trainModels(corpus, corpus);
  await ds.query(
    `INSERT INTO insight_model (kind, version, corpus_examples, correction_examples, metrics, model, is_active, notes)
     VALUES ('topic', $1, $2, 0, $3, $4, true, 'initial model from the shipped corpus')`,
    [topic.version, corpus.length, JSON.stringify({ note: 'cross-validation runs with the first retraining' }), JSON.stringify(stored)],
  );
  return topic.version;
}
