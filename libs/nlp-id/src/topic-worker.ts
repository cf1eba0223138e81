/*
 * Worker-thread entry for topic classification (loaded by a piscina pool in
 * the API; see apps/api/src/insight/topic-classifier.pool.ts). Category
 * assignment at intake is CPU work on the request path; run here, it uses
 * the second core instead of the thread that answers HTTP.
 *
 * workerData: { topic: TopicModelJSON }. A task is a batch of texts; the
 * answer is, per text, the predicted category and its confidence, or null
 * when the model abstains (no word it knows).
 */
import { workerData } from 'node:worker_threads';
import { TopicModel, type TopicModelJSON } from './topic-model';

export interface TopicGuess {
  category: string;
  confidence: number;
}

const model = TopicModel.fromJSON((workerData as { topic: TopicModelJSON }).topic);

export default function classifyBatch(texts: readonly string[]): (TopicGuess | null)[] {
  return texts.map((text) => model.classify(text));
}
