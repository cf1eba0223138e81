export { cleanText, foldRepeats, canonicalNumbers, expandDigitReduplication, normalizeText, splitSentences, ABBREVIATIONS } from './normalize';
export { expandSlangTokens, slangLookup, slangBigramLookup, SLANG_SIZE } from './slang';
export { WinkTokenizer, sharedTokenizer, type TokenKind, type TokenStream, type WinkTokenizerOptions } from './tokenize';
export { isStopword, STOPWORD_ALLOW } from './stopwords';
export { markNegation, negatedForm, NEGATORS, NEGATION_PREFIX } from './negation';
export { stem, reduplicationBase, ROOTS, STEM_OVERRIDES } from './stemmer';
export { scoreSentiment, type SentimentLabel, type SentimentResult, type SentimentTerm } from './sentiment';
export { detectPii, redactPii, piiLabel, type PiiKind, type PiiMatch } from './pii';
export {
  IndonesianTextPipeline, analyzeText, extractTerms, termsOf, type TextAnalysis, type TermOptions,
} from './pipeline';
