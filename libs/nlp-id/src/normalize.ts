/**
 * String-level clean-up that must happen before tokenisation: Unicode, letter
 * floods, money/number forms and "anak2" reduplication. All regexes are
 * compiled once at module load because the pipeline runs on millions of texts.
 */

const ZERO_WIDTH = /[\u00AD\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\uFEFF]/g;
const SINGLE_QUOTES = /[\u2018\u2019\u201A\u201B\u2032\u0060\u00B4]/g;
const DOUBLE_QUOTES = /[\u201C\u201D\u201E\u201F\u2033\u00AB\u00BB\u300C\u300D]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000\t\r\n\f\v]+/g;
const MULTI_SPACE = / {2,}/g;
/** Any character one of the clean-up rules could touch (everything outside printable ASCII, the backtick, two spaces). */
const NEEDS_CLEAN = /[^\x20-\x5f\x61-\x7e]| {2}/;

/**
 * Unicode clean-up that keeps case and characters, so PII spans found on its
 * output still make sense to a reader. NFKC folds full-width digits and
 * ligatures that phone keyboards and copy-paste from PDFs produce.
 */
export function cleanText(text: string): string {
  // Printable ASCII without backtick or double spaces: NFKC and every rule below are no-ops.
  if (!NEEDS_CLEAN.test(text)) return text.trim();
  return text
    .normalize('NFKC')
    .replace(ZERO_WIDTH, '')
    .replace(SINGLE_QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .replace(ODD_SPACES, ' ')
    .replace(MULTI_SPACE, ' ')
    .trim();
}

// Indonesian words that legitimately carry a doubled letter; a flood like
// "maaaaf" must fold to "maaf", not "maf".
const DOUBLE_OK = new Set([
  'maaf', 'saat', 'taat', 'manfaat', 'sunnah', 'allah', 'jumaat', 'saudara', 'muaat', 'keluarga',
  'mall', 'full', 'free', 'good', 'cool', 'class', 'boss', 'pass', 'miss', 'jazz', 'google', 'zoom',
  'tiktok', 'ktt', 'rapat', 'pusat', 'liat', 'siaat', 'laa', 'koperasi', 'keseriusan', 'coffee',
  'sebaiknya', 'pesawat', 'diperiksa', 'dipersilakan', 'booking', 'feedback', 'cctv', 'wifi',
  'tahu', 'nggak', 'enggak', 'nggih', 'inggih', 'sekolah', 'apps', 'mutu', 'hipertensi',
]);
const FLOOD = /[a-z]*([a-z])\1{2,}[a-z]*/g;
const RUN3 = /([a-z])\1{2,}/g;
const TRAILING_DOUBLE = /\b([a-z]{2,}?)([a-z])\2\b/g;
const PUNCT_FLOOD = /([!?.,])[!?.,]*\1+|[!?]{2,}/g;

function foldFlood(word: string): string {
  const two = word.replace(RUN3, '$1$1');
  if (DOUBLE_OK.has(two)) return two;
  const one = word.replace(RUN3, '$1');
  return one;
}

function foldTrailingDouble(word: string, stem: string, letter: string): string {
  const whole = stem + letter + letter;
  if (DOUBLE_OK.has(whole) || whole.length < 4) return whole;
  return stem + letter;
}

/** "bangeeet" -> "banget", "parahhh" -> "parah", "!!!" -> "!", "?!?" -> "?". */
export function foldRepeats(lower: string): string {
  return lower
    .replace(FLOOD, foldFlood)
    .replace(TRAILING_DOUBLE, foldTrailingDouble)
    .replace(PUNCT_FLOOD, foldPunct);
}

function foldPunct(m: string): string {
  return m.includes('?') ? '?' : m[0];
}

const MULTIPLIER: Record<string, number> = {
  rb: 1e3, ribu: 1e3, k: 1e3, jt: 1e6, juta: 1e6, m: 1e9, miliar: 1e9, milyar: 1e9, t: 1e12, triliun: 1e12,
};

// Rp50.000 | Rp 1.500.000,- | rp. 50rb | rp2,5 juta
const MONEY_RP =
  /\brp\.?\s?(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d{1,2})(?!\d))?(?:,-|,00)?(?:\s?(ribu|rb|k|juta|jt|miliar|milyar|m|triliun|t)\b)?/g;
// 2,5 juta | 50 ribu | 300rb
const NUMBER_SCALE = /\b(\d+)(?:,(\d+))?\s?(ribu|rb|juta|jt|miliar|milyar|triliun)\b/g;
// 1.500.000 (optionally ,50): thousands groups become one plain number
const GROUPED = /\b\d{1,3}(?:\.\d{3}){2,}(?:,\d+)?\b|\b\d{1,3}\.\d{3}(?:,\d+)?(?![\d.])/g;

function scaled(intPart: string, frac: string | undefined, unit: string | undefined): string {
  const base = Number(intPart.replace(/\./g, '') + (frac ? '.' + frac : ''));
  const mul = unit ? MULTIPLIER[unit] ?? 1 : 1;
  return String(Math.round(base * mul));
}

/**
 * Money becomes "rp<digits>" and scaled amounts plain digits, so each is one
 * token whatever the resident typed; wink would otherwise split "rp50.000".
 */
export function canonicalNumbers(lower: string): string {
  return lower.replace(MONEY_RP, money).replace(NUMBER_SCALE, scaledNumber).replace(GROUPED, ungroup);
}

function money(_m: string, i: string, f: string | undefined, u: string | undefined): string {
  return ' rp' + scaled(i, f, u) + ' ';
}

function scaledNumber(_m: string, i: string, f: string | undefined, u: string): string {
  return scaled(i, f, u);
}

function ungroup(m: string): string {
  return m.replace(/\./g, '').replace(',', '.');
}

// anak2 -> anak-anak, ugal2an -> ugal-ugalan; "ke2"/"se2" stay (ordinals).
const REDUP_DIGIT = /\b([a-z]{2,})2([a-z]*)\b/g;

export function expandDigitReduplication(lower: string): string {
  return lower.replace(REDUP_DIGIT, (m, base: string, suffix: string) =>
    base === 'ke' || base === 'se' ? m : `${base}-${base}${suffix}`,
  );
}

/**
 * Everything string-level the tokenizer needs: clean, lower-case, fold
 * repeats, canonical numbers, digit reduplication.
 */
export function normalizeText(text: string): string {
  return normalizeCleaned(cleanText(text));
}

/** `normalizeText` for input that already went through `cleanText`. */
export function normalizeCleaned(cleaned: string): string {
  // Same result as expandDigitReduplication(canonicalNumbers(foldRepeats(lower))) with spaces
  // collapsed, but each regex pass runs only when one scan of the text says it can match.
  let s = cleaned.toLowerCase();
  const lowered = s;
  let f = scan(s);
  if (f & (F_TRIPLE | F_TRAILING_DOUBLE)) {
    if (f & F_TRIPLE) s = s.replace(FLOOD, foldFlood);
    if (scan(s) & F_TRAILING_DOUBLE) s = s.replace(TRAILING_DOUBLE, foldTrailingDouble);
    f = scan(s);
  }
  if (f & F_PUNCT_PAIR) s = s.replace(PUNCT_FLOOD, foldPunct);
  // money, scaled and grouped numbers and "anak2" all need a digit; folding never creates one
  if (f & F_DIGIT) {
    // canonicalNumbers then expandDigitReduplication, each pass only if its pattern can match
    if (f & F_RP) s = s.replace(MONEY_RP, money);
    // "rp…" output starts no new number (its digits follow "p"), so F_SCALE of the input still holds
    if (f & F_SCALE) s = s.replace(NUMBER_SCALE, scaledNumber);
    if (hasDigitDotDigit(s)) s = s.replace(GROUPED, ungroup);
    if (hasLetterTwo(s)) s = expandDigitReduplication(s);
  }
  // double spaces: in the input (cleanText leaves none) or made by a replacement above ("rp…" is padded)
  if ((f & F_SPACES || s !== lowered) && s.includes('  ')) s = s.replace(MULTI_SPACE, ' ');
  return s.trim();
}

/** A digit, ".", digit: what GROUPED needs. */
function hasDigitDotDigit(s: string): boolean {
  for (let i = s.indexOf('.'); i >= 0; i = s.indexOf('.', i + 1)) {
    if (isDigit(s.charCodeAt(i - 1)) && isDigit(s.charCodeAt(i + 1))) return true;
  }
  return false;
}

/** A letter followed by "2": what REDUP_DIGIT needs. */
function hasLetterTwo(s: string): boolean {
  for (let i = s.indexOf('2'); i >= 0; i = s.indexOf('2', i + 1)) {
    const c = s.charCodeAt(i - 1);
    if (c >= 97 && c <= 122) return true;
  }
  return false;
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

const F_TRIPLE = 1; // a letter three times in a row (FLOOD)
const F_TRAILING_DOUBLE = 2; // a doubled letter at the end of a word (TRAILING_DOUBLE)
const F_PUNCT_PAIR = 4; // two of ! ? . , in a row (PUNCT_FLOOD)
const F_DIGIT = 8;
const F_RP = 16; // "rp" (MONEY_RP)
const F_SCALE = 32; // r/j/m/t right after a digit, or after a digit and one other character (NUMBER_SCALE's units)
const F_SPACES = 64; // two spaces in a row

/** One pass over lower-case text: which of the normalisation regexes could match at all. */
function scan(s: string): number {
  let f = 0;
  let prev = -1;
  let prev2 = -1;
  let prevPunct = false;
  const n = s.length;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    if (c >= 97 && c <= 122) {
      if (c === 112 && prev === 114) f |= F_RP; // "rp"
      else if ((c === 114 || c === 106 || c === 109 || c === 116) && (isDigit(prev) || (!isWordChar(prev) && isDigit(prev2)))) f |= F_SCALE;
      if (c === prev) {
        if (c === prev2) f |= F_TRIPLE;
        // doubled letter followed by a non-word character or the end: \b after ([a-z])\2
        const next = i + 1 < n ? s.charCodeAt(i + 1) : -1;
        if (!isWordChar(next)) f |= F_TRAILING_DOUBLE;
      }
      prevPunct = false;
    } else {
      if (c >= 48 && c <= 57) f |= F_DIGIT;
      else if (c === 32 && prev === 32) f |= F_SPACES;
      const punct = c === 33 || c === 63 || c === 46 || c === 44; // ! ? . ,
      if (punct && prevPunct) f |= F_PUNCT_PAIR;
      prevPunct = punct;
    }
    prev2 = prev;
    prev = c;
  }
  return f;
}

/** \w of a JavaScript regex without the u flag. */
function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
}

/**
 * Abbreviations after which a full stop does not end a sentence (lower case,
 * without the dot). Street and office names are full of them.
 */
export const ABBREVIATIONS: ReadonlySet<string> = new Set([
  'jl', 'jln', 'kec', 'kel', 'kab', 'kota', 'prov', 'bpk', 'bp', 'pak', 'bu', 'ibu', 'no', 'nomor', 'rt', 'rw',
  'gg', 'dr', 'drs', 'dra', 'ir', 'h', 'hj', 'prof', 'st', 'tn', 'ny', 'nn', 'sdr', 'sdri', 'yth', 'dll', 'dsb',
  'dst', 'dkk', 'a.n', 'an', 's.d', 'sd', 'telp', 'tlp', 'hp', 'ds', 'dsn', 'kp', 'perum', 'blok', 'km', 'kl',
  'ket', 'sbg', 'tgl', 'tsb', 'skm', 'spd', 'mpd', 'se', 'sh', 'mm', 'amd', 'kh', 'rs', 'rsud', 'jend', 'kol',
  'let', 'mayjend', 'brigjend', 'kapt', 'serma', 'pol', 'bid', 'ka', 'kasi', 'kabid', 'kadis', 'mr', 'mrs', 'vs',
]);

const SENTENCE_END = /([.!?]+)(["')\]]*)\s+/g;

/**
 * Splits on . ! ? followed by space, except after known abbreviations,
 * single-letter initials and "No./Jl." style forms. Works on cleaned text.
 */
export function splitSentences(text: string): string[] {
  const src = cleanText(text);
  const out: string[] = [];
  let start = 0;
  SENTENCE_END.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = SENTENCE_END.exec(src)) !== null) {
    const end = m.index + m[1].length + m[2].length;
    if (m[1] === '.') {
      const before = src.slice(start, m.index);
      const lastWord = /([A-Za-z.]+)$/.exec(before);
      const w = lastWord ? lastWord[1].toLowerCase() : '';
      if (w.length === 1 || ABBREVIATIONS.has(w)) continue;
      // The next char being lower-case or a digit means the dot was not an end.
      const next = src.charAt(SENTENCE_END.lastIndex);
      if (next && /[a-z0-9]/.test(next)) continue;
    }
    const s = src.slice(start, end).trim();
    if (s) out.push(s);
    start = SENTENCE_END.lastIndex;
  }
  const tail = src.slice(start).trim();
  if (tail) out.push(tail);
  return out;
}
