export { cleanText, foldRepeats, canonicalNumbers, expandDigitReduplication, normalizeText, splitSentences, ABBREVIATIONS } from './normalize';
export { expandSlangTokens, slangLookup, slangBigramLookup, SLANG_SIZE } from './slang';
export { WinkTokenizer, sharedTokenizer, WINK_RESET_EVERY_DOCS, type TokenKind, type TokenStream, type WinkTokenizerOptions } from './tokenize';
export { isStopword, STOPWORD_ALLOW } from './stopwords';
export { markNegation, negatedForm, NEGATORS, NEGATION_PREFIX } from './negation';
export { stem, reduplicationBase, ROOTS, STEM_OVERRIDES } from './stemmer';
export { scoreSentiment, type SentimentLabel, type SentimentResult, type SentimentTerm } from './sentiment';
export { detectPii, redactPii, piiLabel, type PiiKind, type PiiMatch } from './pii';
export {
  IndonesianTextPipeline, analyzeText, extractTerms, termsOf, type TextAnalysis, type TermOptions,
} from './pipeline';
export {
  classificationReport, formatReport, crossValidate, stratifiedFolds, seededRandom, UNKNOWN_LABEL,
  type ClassificationReport, type ClassMetrics, type CrossValidateOptions, type CrossValidationResult, type Predictor,
} from './evaluation';
export { learnCounts, type NbCounts } from './naive-bayes';
export {
  TopicModel, trainTopicModel,
  type TopicExample, type TopicModelOptions, type TopicPrediction, type TopicGuess, type TopicAlternative, type TopicModelJSON, type TopicModelMetrics,
} from './topic-model';
export {
  SentimentModel, trainSentimentModel, lexiconSentiment, sentimentFeatures,
  type SentimentExample, type SentimentModelOptions, type SentimentPrediction, type SentimentModelJSON, type SentimentModelMetrics,
} from './sentiment-model';
export { InsightEngine, trainInsightEngine, type InsightResult } from './insight';
export {
  DuplicateIndex, groupDuplicates, aspirationIntent, kelurahanKey, haversineM, DUPLICATE_SYNONYMS,
  DEFAULT_DUPLICATE_THRESHOLD, DEFAULT_DUPLICATE_WINDOW_DAYS, DEFAULT_DUPLICATE_DISTANCE_M,
  type DuplicateDoc, type DuplicateQueryOptions, type DuplicateIndexOptions, type DuplicateCandidate,
  type DuplicatePair, type DuplicateGroup, type GeoPoint, type AspirationIntent,
} from './duplicates';
export {
  weekStart, weeklySeries, detectEmerging, topKeywords, per1000, poissonUpperTail, binomialUpperTail, logGamma,
  WIB_OFFSET_MS, type WeeklySeries, type EmergingOptions, type EmergingResult, type KeywordOptions, type Keyword,
} from './trends';
export {
  forecastWeekly, compareScenarios, smape, SCENARIO_GROWTH,
  type ForecastMethod, type ForecastOptions, type WeeklyForecast, type CandidateScore,
  type ScenarioName, type ScenarioComparison,
} from './forecast';
export { SHIPPED_CORPUS_FILE, SHIPPED_DUPLICATE_PAIRS_FILE } from './corpus-location';
