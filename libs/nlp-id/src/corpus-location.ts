import { join } from 'node:path';

/**
 * Where the labelled training corpus shipped with this library lies (beside
 * src/ and dist/). The library itself never reads it: the API and the
 * evaluation script do.
 */
export const SHIPPED_CORPUS_FILE = join(__dirname, '..', 'corpus', 'aspirasi-latih.csv');
export const SHIPPED_DUPLICATE_PAIRS_FILE = join(__dirname, '..', 'corpus', 'duplikat-pasangan.csv');
