/*
 * The insight engine's per-document work in one call: analyse once
 * (normalise, redact, tokenise, negate, stem, lexicon), then topic and
 * sentiment from the same analysis. Used by the API worker, the eval command
 * and the throughput benchmark, so all three measure the same thing.
 */
import type { Lexeme } from './lexeme';
import { IndonesianTextPipeline, type TextAnalysis } from './pipeline';
import { lexiconSentiment, trainSentimentModel, type SentimentExample, type SentimentModel, type SentimentPrediction } from './sentiment-model';
import { trainTopicModel, type TopicExample, type TopicModel, type TopicModelOptions, type TopicPrediction } from './topic-model';
import type { WinkTokenizerOptions } from './tokenize';

export interface InsightResult {
  analysis: TextAnalysis;
  topic: TopicPrediction;
  sentiment: SentimentPrediction;
}

export class InsightEngine {
  readonly pipeline: IndonesianTextPipeline;
  /** Reused per document (analysis is synchronous); valid up to the analysis' token count. */
  private readonly tokenLexemes: Lexeme[] = [];
  private readonly stemLexemes: Lexeme[] = [];

  /** Without a sentiment model the lexicon alone decides. */
  constructor(readonly topic: TopicModel, readonly sentiment?: SentimentModel, tokenizerOptions?: WinkTokenizerOptions) {
    this.pipeline = new IndonesianTextPipeline(tokenizerOptions);
  }

  analyze(text: string): InsightResult {
    // one lexeme lookup per token in the pipeline; the models read their feature ids off the records
    const tokenLexemes = this.tokenLexemes;
    const stemLexemes = this.stemLexemes;
    const analysis = this.pipeline.analyzeLexemes(text, tokenLexemes, stemLexemes);
    return {
      analysis,
      topic: this.topic.predictLexemes(analysis, stemLexemes),
      sentiment: this.sentiment ? this.sentiment.predictLexemes(analysis, tokenLexemes) : lexiconSentiment(analysis),
    };
  }
}

/** Trains both models from one labelled set (text, category, sentiment). */
export function trainInsightEngine(
  examples: readonly (TopicExample & SentimentExample)[],
  options: { topic?: TopicModelOptions; tokenizer?: WinkTokenizerOptions } = {},
): InsightEngine {
  return new InsightEngine(trainTopicModel(examples, options.topic), trainSentimentModel(examples), options.tokenizer);
}
