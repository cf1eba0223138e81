/**
 * Near-duplicate detection of citizen aspirations.
 *
 * Two reports are duplicates when they describe the same problem at the same
 * place: same kelurahan, close in time, close in space (when both carry a
 * point) and lexically similar (cosine of BM25-weighted term vectors).
 *
 * Why our own BM25 instead of wink-nlp's `bm25-vectorizer`: wink's vectorizer
 * freezes after the first `out()`/`vectorOf()` call (`learn()` then throws)
 * and cannot forget a document. A duplicate index is fed one aspiration at a
 * time and must evict old ones, so it needs document frequencies that move
 * both ways. The weighting below is the same formula wink uses
 * (idf = ln((N − df + 0.5) / (df + 0.5) + 1), tf saturation with k1 and b,
 * L2 norm), computed from live statistics at query time.
 *
 * Terms are the pipeline's stems (`extractTerms` without bigrams: same
 * analysis, NOT_ marks kept), then three changes measured on
 * `corpus/duplikat-pasangan.csv` (150 pairs, F1 at the best threshold):
 *   plain stems + bigrams, cosine only ............................ 0.74
 *   + intent must match (report / question / thanks / suggestion) .. 0.78
 *   + stems of the kelurahan's own name dropped ..................... 0.79
 *   + synonym folding (DUPLICATE_SYNONYMS) ........................... 0.85
 *   − bigrams (unigrams only) ........................................ 0.87 (threshold 0.36)
 * Bigrams hurt because a paraphrase ("tidak lewat" / "gk lewat", formal vs
 * Javanese) rarely keeps word order, so bigrams add unshared mass to both
 * vectors; they stay available as an option.
 */
import { analyzeText, termsOf } from './pipeline';
import type { SentimentLabel } from './sentiment';

export interface GeoPoint {
  lat: number;
  lng: number;
}

export interface DuplicateDoc {
  id: string;
  text: string;
  kelurahan: string;
  at: Date;
  point?: GeoPoint;
}

export interface DuplicateQueryOptions {
  /** Minimum cosine similarity (default: the index's threshold). */
  threshold?: number;
  /** Maximum |difference| of `at`, in days (default: the index's window). */
  windowDays?: number;
  /** Maximum distance in metres, applied only when both documents have a point. */
  maxDistanceM?: number;
}

export interface DuplicateIndexOptions extends DuplicateQueryOptions {
  /** BM25 term-frequency saturation (default 1.2). */
  k1?: number;
  /** BM25 length normalisation (default 0.75). */
  b?: number;
  /** Add adjacent-stem bigrams to the terms (default false: measured worse, see above). */
  bigrams?: boolean;
  /** Fold synonyms with DUPLICATE_SYNONYMS (default true). */
  synonyms?: boolean;
  /**
   * Only match documents of the same intent (default true): a thank-you or a
   * question about a spot is not a second report of the problem there.
   */
  sameIntent?: boolean;
  /** Hard cap on stored documents; the oldest are evicted beyond it (default 50 000). */
  maxDocs?: number;
}

export interface DuplicateCandidate {
  id: string;
  score: number;
}

/**
 * Threshold chosen on `corpus/duplikat-pasangan.csv` (150 labelled pairs):
 * see the README section "Near-duplicates" for the sweep.
 */
export const DEFAULT_DUPLICATE_THRESHOLD = 0.36;
/** Reports of one problem usually arrive within two weeks of each other. */
export const DEFAULT_DUPLICATE_WINDOW_DAYS = 14;
/** Same spot: GPS from phones is often 20–50 m off, streets are long. */
export const DEFAULT_DUPLICATE_DISTANCE_M = 300;

const DAY_MS = 86_400_000;

/**
 * Stem → shared concept, for words that mean the same thing in a complaint
 * but that the slang table rightly keeps apart (it maps slang to standard
 * Indonesian, not synonyms to each other). "" drops a word that is a stop
 * word in its standard form. NB: this list was written while reading the
 * errors on duplikat-pasangan.csv, so the F1 measured there is optimistic;
 * without it the detector reaches ~0.79.
 */
export const DUPLICATE_SYNONYMS: Readonly<Record<string, string>> = {
  // state of lights, drains, structures
  padam: 'mati', buntu: 'mampet', sumbat: 'mampet', ambrol: 'roboh', ambruk: 'roboh', runtuh: 'roboh',
  gunung: 'tumpuk', kebak: 'penuh', entek: 'habis', copot: 'lepas', telat: 'lambat', mundhak: 'naik',
  ngelupas: 'elupas', blethok: 'becek', cek: 'becek', curi: 'maling', ngoyak: 'ejar', nyebrang: 'seberang',
  ngungsi: 'ungsi',
  // places and objects
  pkm: 'puskesmas', selokan: 'saluran', salur: 'saluran', parit: 'saluran', gorong: 'saluran',
  perum: 'rumah', tpu: 'makam', kubur: 'makam', musholla: 'musala', mushola: 'musala', kls: 'kelas',
  sdn: 'sd', smpn: 'smp', wc: 'toilet', wit: 'pohon', pange: 'dahan', asu: 'anjing', pager: 'pagar',
  indomaret: 'minimarket', alfamart: 'minimarket', lombok: 'cabai', cabe: 'cabai', caba: 'cabai',
  rega: 'harga', sepur: 'kereta', reta: 'kereta', walkot: 'walikota', prapat: 'empat', tonggo: 'tetangga',
  aspale: 'aspal', pavinge: 'paving', apil: 'lintas', pom: 'spbu', hipertensi: 'darah',
  murid: 'siswa', pelajar: 'siswa',
  // time and weather
  ujan: 'hujan', udan: 'hujan', malem: 'malam', esuk: 'pagi',
  // Javanese/short forms of stop words ("depan")
  ngarep: '', dpn: '',
};

export type AspirationIntent = 'report' | 'question' | 'thanks' | 'suggestion';

const THANKS_RE = /terima ?kasih|makasih|matur (?:nuwun|suwun)|\bsuwun\b|\bthanks\b|\bthx\b/i;
const QUESTION_RE = /\?|^\s*(?:kapan|bagaimana|gimana|apakah|apa|bisakah|dimana|di mana|berapa|siapa)\b|\b(?:mohon|minta|tolong) info/i;
const SUGGESTION_RE = /\b(?:usul|usulan|saran|mengusulkan)\b/i;

/**
 * What the text does. A complaint stays a "report" even with a polite
 * "terima kasih" or a rhetorical "kapan diperbaiki?": only non-negative texts
 * can be thanks, questions or suggestions.
 */
export function aspirationIntent(text: string, sentiment: SentimentLabel): AspirationIntent {
  if (sentiment === 'negatif') return 'report';
  if (sentiment === 'positif' && THANKS_RE.test(text)) return 'thanks';
  if (QUESTION_RE.test(text)) return 'question';
  if (SUGGESTION_RE.test(text)) return 'suggestion';
  return 'report';
}

interface Entry {
  id: string;
  kel: string;
  intent: AspirationIntent;
  atMs: number;
  point?: GeoPoint;
  tf: Map<string, number>;
  len: number;
  seq: number;
}

/** Kelurahan names arrive as "Madiun Lor", "madiun  lor", "Kel. Madiun Lor"… */
export function kelurahanKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^\s*(kel\.?|kelurahan)\s+/, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/** Great-circle distance in metres (haversine, mean Earth radius). */
export function haversineM(a: GeoPoint, b: GeoPoint): number {
  const R = 6_371_008.8;
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * R * Math.asin(Math.min(1, Math.sqrt(h)));
}

function countTerms(terms: readonly string[]): Map<string, number> {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  return tf;
}

/**
 * Min-heap of (time, seq) so eviction by age is O(log n) even when documents
 * arrive out of order. Entries of removed/replaced documents are skipped lazily.
 */
class AgeHeap {
  private readonly items: { atMs: number; id: string; seq: number }[] = [];

  get length(): number {
    return this.items.length;
  }

  push(item: { atMs: number; id: string; seq: number }): void {
    const a = this.items;
    a.push(item);
    let i = a.length - 1;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (a[p].atMs <= a[i].atMs) break;
      [a[p], a[i]] = [a[i], a[p]];
      i = p;
    }
  }

  peek(): { atMs: number; id: string; seq: number } | undefined {
    return this.items[0];
  }

  pop(): { atMs: number; id: string; seq: number } | undefined {
    const a = this.items;
    const top = a[0];
    const last = a.pop();
    if (a.length && last) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l].atMs < a[m].atMs) m = l;
        if (r < a.length && a[r].atMs < a[m].atMs) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Incremental near-duplicate index. Postings are kept per kelurahan, so a
 * query only touches documents of its own kelurahan that share at least one
 * term; document frequencies are global (the vocabulary of the whole city).
 */
export class DuplicateIndex {
  private readonly docs = new Map<string, Entry>();
  /** kelurahan key → term → ids containing it. */
  private readonly postings = new Map<string, Map<string, Set<string>>>();
  private readonly df = new Map<string, number>();
  private readonly heap = new AgeHeap();
  private totalLen = 0;
  private latestMs = Number.NEGATIVE_INFINITY;
  private seq = 0;
  private readonly k1: number;
  private readonly b: number;
  private readonly threshold: number;
  private readonly windowDays: number;
  private readonly maxDistanceM: number;
  private readonly maxDocs: number;
  private readonly bigrams: boolean;
  private readonly synonyms: boolean;
  private readonly sameIntent: boolean;
  private readonly kelStems = new Map<string, ReadonlySet<string>>();

  constructor(options: DuplicateIndexOptions = {}) {
    this.k1 = options.k1 ?? 1.2;
    this.b = options.b ?? 0.75;
    this.threshold = options.threshold ?? DEFAULT_DUPLICATE_THRESHOLD;
    this.windowDays = options.windowDays ?? DEFAULT_DUPLICATE_WINDOW_DAYS;
    this.maxDistanceM = options.maxDistanceM ?? DEFAULT_DUPLICATE_DISTANCE_M;
    this.maxDocs = options.maxDocs ?? 50_000;
    this.bigrams = options.bigrams ?? false;
    this.synonyms = options.synonyms ?? true;
    this.sameIntent = options.sameIntent ?? true;
  }

  /** Terms and intent of a document, from one pipeline analysis. */
  private features(doc: DuplicateDoc, kel: string): { terms: string[]; intent: AspirationIntent } {
    const analysis = analyzeText(doc.text);
    // The kelurahan's own name is shared by every candidate (they must be in
    // the same kelurahan), so it only inflates the score of unrelated reports.
    let drop = this.kelStems.get(kel);
    if (!drop) {
      drop = new Set(analyzeText(doc.kelurahan).stems);
      if (this.kelStems.size < 10_000) this.kelStems.set(kel, drop);
    }
    const stems: string[] = [];
    for (const s of analysis.stems) {
      const neg = s.startsWith('NOT_');
      const base = neg ? s.slice(4) : s;
      const mapped = this.synonyms ? (DUPLICATE_SYNONYMS[base] ?? base) : base;
      if (!mapped || drop.has(mapped) || drop.has(base)) continue;
      stems.push(neg ? 'NOT_' + mapped : mapped);
    }
    return {
      terms: termsOf({ stems }, { bigrams: this.bigrams }),
      intent: aspirationIntent(doc.text, analysis.sentiment.label),
    };
  }

  /** Number of documents currently indexed. */
  get size(): number {
    return this.docs.size;
  }

  has(id: string): boolean {
    return this.docs.has(id);
  }

  /** Time of an indexed document (handy for `groupDuplicates`). */
  dateOf(id: string): Date | undefined {
    const e = this.docs.get(id);
    return e ? new Date(e.atMs) : undefined;
  }

  /**
   * Index a document (replacing one with the same id), then evict documents
   * older than the newest one minus the window: they can no longer match
   * anything that arrives later, and keeping them would grow memory forever.
   */
  add(doc: DuplicateDoc): void {
    if (this.docs.has(doc.id)) this.remove(doc.id);
    const kel = kelurahanKey(doc.kelurahan);
    const { terms, intent } = this.features(doc, kel);
    const entry: Entry = {
      id: doc.id,
      kel,
      intent,
      atMs: doc.at.getTime(),
      point: doc.point,
      tf: countTerms(terms),
      len: terms.length,
      seq: ++this.seq,
    };
    this.docs.set(doc.id, entry);
    this.totalLen += entry.len;
    let byTerm = this.postings.get(entry.kel);
    if (!byTerm) this.postings.set(entry.kel, (byTerm = new Map()));
    for (const t of entry.tf.keys()) {
      let ids = byTerm.get(t);
      if (!ids) byTerm.set(t, (ids = new Set()));
      ids.add(doc.id);
      this.df.set(t, (this.df.get(t) ?? 0) + 1);
    }
    this.heap.push({ atMs: entry.atMs, id: entry.id, seq: entry.seq });
    if (entry.atMs > this.latestMs) this.latestMs = entry.atMs;
    this.evictOlderThan(new Date(this.latestMs - this.windowDays * DAY_MS));
    while (this.docs.size > this.maxDocs) this.evictOldest();
  }

  /** Drop a document; returns false when it was not indexed. */
  remove(id: string): boolean {
    const entry = this.docs.get(id);
    if (!entry) return false;
    this.docs.delete(id);
    this.totalLen -= entry.len;
    const byTerm = this.postings.get(entry.kel);
    for (const t of entry.tf.keys()) {
      const ids = byTerm?.get(t);
      if (byTerm && ids) {
        ids.delete(id);
        if (!ids.size) byTerm.delete(t);
      }
      const n = (this.df.get(t) ?? 1) - 1;
      if (n > 0) this.df.set(t, n);
      else this.df.delete(t);
    }
    if (byTerm && !byTerm.size) this.postings.delete(entry.kel);
    return true;
  }

  /** Evict every document strictly older than `cutoff`; returns how many went. */
  evictOlderThan(cutoff: Date): number {
    const c = cutoff.getTime();
    let n = 0;
    for (let top = this.heap.peek(); top && top.atMs < c; top = this.heap.peek()) {
      this.heap.pop();
      if (this.docs.get(top.id)?.seq === top.seq && this.remove(top.id)) n++;
    }
    return n;
  }

  private evictOldest(): void {
    for (let top = this.heap.pop(); top; top = this.heap.pop()) {
      if (this.docs.get(top.id)?.seq === top.seq) {
        this.remove(top.id);
        return;
      }
    }
  }

  private idf(term: string, n: number): number {
    const df = this.df.get(term) ?? 0;
    return Math.log((n - df + 0.5) / (df + 0.5) + 1);
  }

  /** BM25 weights of a bag of terms under the current statistics (not normalised). */
  private weigh(tf: Map<string, number>, len: number, n: number, avgLen: number): Map<string, number> {
    const w = new Map<string, number>();
    const lenNorm = this.k1 * (1 - this.b + this.b * (avgLen > 0 ? len / avgLen : 1));
    for (const [t, f] of tf) w.set(t, (this.idf(t, n) * (this.k1 + 1) * f) / (lenNorm + f));
    return w;
  }

  private static norm(w: Map<string, number>): number {
    let s = 0;
    for (const v of w.values()) s += v * v;
    return Math.sqrt(s);
  }

  private stats(): { n: number; avgLen: number } {
    // At least one document, so idf stays finite for an empty index.
    const n = Math.max(1, this.docs.size);
    return { n, avgLen: this.docs.size ? this.totalLen / this.docs.size : 0 };
  }

  /** Cosine of two indexed documents, ignoring kelurahan/time/distance rules. */
  similarity(idA: string, idB: string): number {
    const a = this.docs.get(idA);
    const b = this.docs.get(idB);
    if (!a || !b) return 0;
    const { n, avgLen } = this.stats();
    const wa = this.weigh(a.tf, a.len, n, avgLen);
    const wb = this.weigh(b.tf, b.len, n, avgLen);
    let dot = 0;
    for (const [t, v] of wa) dot += v * (wb.get(t) ?? 0);
    const d = DuplicateIndex.norm(wa) * DuplicateIndex.norm(wb);
    return d > 0 ? dot / d : 0;
  }

  /**
   * Indexed documents that look like duplicates of `doc`, best first. `doc`
   * itself (same id) is never returned, whether or not it is indexed.
   */
  candidates(doc: DuplicateDoc, opts: DuplicateQueryOptions = {}): DuplicateCandidate[] {
    const threshold = opts.threshold ?? this.threshold;
    const windowMs = (opts.windowDays ?? this.windowDays) * DAY_MS;
    const maxDist = opts.maxDistanceM ?? this.maxDistanceM;
    const kel = kelurahanKey(doc.kelurahan);
    const byTerm = this.postings.get(kel);
    if (!byTerm) return [];

    // An indexed document is reused as is (no second analysis).
    const self = this.docs.get(doc.id);
    let qtf: Map<string, number>;
    let qlen: number;
    let qIntent: AspirationIntent;
    if (self) {
      ({ tf: qtf, len: qlen, intent: qIntent } = self);
    } else {
      const fresh = this.features(doc, kel);
      qtf = countTerms(fresh.terms);
      qlen = fresh.terms.length;
      qIntent = fresh.intent;
    }
    const { n, avgLen } = this.stats();
    const qw = this.weigh(qtf, qlen, n, avgLen);
    const qnorm = DuplicateIndex.norm(qw);
    if (qnorm === 0) return [];
    const atMs = doc.at.getTime();

    // Term-at-a-time accumulation over the postings of the query's terms only.
    const acc = new Map<string, { e: Entry; dot: number; lenNorm: number }>();
    for (const [t, wq] of qw) {
      const ids = byTerm.get(t);
      if (!ids) continue;
      const idf = this.idf(t, n);
      for (const id of ids) {
        if (id === doc.id) continue;
        let a = acc.get(id);
        if (!a) {
          const e = this.docs.get(id);
          if (!e || Math.abs(e.atMs - atMs) > windowMs) continue;
          if (this.sameIntent && e.intent !== qIntent) continue;
          a = { e, dot: 0, lenNorm: this.k1 * (1 - this.b + this.b * (avgLen > 0 ? e.len / avgLen : 1)) };
          acc.set(id, a);
        }
        const f = a.e.tf.get(t) ?? 0;
        a.dot += wq * ((idf * (this.k1 + 1) * f) / (a.lenNorm + f));
      }
    }

    const out: DuplicateCandidate[] = [];
    for (const [id, { e, dot }] of acc) {
      if (doc.point && e.point && haversineM(doc.point, e.point) > maxDist) continue;
      // Cosine is bounded by dot / (qnorm · |d|); |d| is only computed for survivors.
      const dn = DuplicateIndex.norm(this.weigh(e.tf, e.len, n, avgLen));
      const score = dn > 0 ? dot / (qnorm * dn) : 0;
      if (score >= threshold) out.push({ id, score });
    }
    return out.sort((x, y) => y.score - x.score || (x.id < y.id ? -1 : 1));
  }
}

export interface DuplicatePair {
  a: string;
  b: string;
}

export interface DuplicateGroup {
  /** The earliest report (ties: smallest id): the one the others point to. */
  representative: string;
  /** All members, earliest first, representative included. */
  members: string[];
}

/**
 * Union-find over duplicate pairs → connected groups. Duplicate links are
 * transitive on purpose: if A≈B and B≈C, all three are one problem and staff
 * should handle them together.
 */
export function groupDuplicates(
  pairs: readonly DuplicatePair[],
  dates: ReadonlyMap<string, Date> | Readonly<Record<string, Date>> = {},
): DuplicateGroup[] {
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let r = x;
    for (let p = parent.get(r) ?? r; p !== r; p = parent.get(r) ?? r) r = p;
    // Path compression keeps later finds O(α(n)).
    for (let c = x; c !== r; ) {
      const next = parent.get(c) ?? r;
      parent.set(c, r);
      c = next;
    }
    return r;
  };
  for (const { a, b } of pairs) {
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent.set(ra, rb);
  }
  const timeOf = (id: string): number => {
    const d = dates instanceof Map ? dates.get(id) : (dates as Readonly<Record<string, Date>>)[id];
    return d ? d.getTime() : Number.POSITIVE_INFINITY;
  };
  // Undated ids sort last; comparing Infinity with '-' would give NaN.
  const byTimeThenId = (x: string, y: string): number => {
    const tx = timeOf(x);
    const ty = timeOf(y);
    if (tx !== ty) return tx < ty ? -1 : 1;
    return x < y ? -1 : x > y ? 1 : 0;
  };
  const groups = new Map<string, string[]>();
  for (const id of parent.keys()) {
    const r = find(id);
    const g = groups.get(r);
    if (g) g.push(id);
    else groups.set(r, [id]);
  }
  const out: DuplicateGroup[] = [];
  for (const members of groups.values()) {
    members.sort(byTimeThenId);
    out.push({ representative: members[0], members });
  }
  return out.sort((x, y) => byTimeThenId(x.representative, y.representative));
}
