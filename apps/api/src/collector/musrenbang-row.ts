import type { ProposalStatus } from './entities/musrenbang-proposal.entity';
import type { RawRow, Validation } from './pipeline';

/** Columns of an e-Musrenbang export. "Desa/Kelurahan" is accepted for "Kelurahan". */
export const MUSRENBANG_REQUIRED = ['No', 'Tgl_Usul', 'Pengusul', 'Urusan', 'Usulan', 'Permasalahan', 'Alamat', 'Kelurahan', 'Kecamatan', 'SKPD_Tujuan_Awal', 'SKPD_Tujuan_Akhir', 'Koefisien', 'Anggaran', 'Status'] as const;
export const MUSRENBANG_OPTIONAL = ['Tahun', 'Tahapan', 'Keterangan'] as const;
export const COLUMN_ALIASES: Record<string, string> = { 'Desa/Kelurahan': 'Kelurahan' };

const STATUS_MAP: Record<string, ProposalStatus> = {
  diusulkan: 'diusulkan',
  diakomodir: 'diakomodir',
  'tidak diakomodir': 'tidak diakomodir',
  'menunggu konfirmasi': 'menunggu',
  menunggu: 'menunggu',
};

export interface ProposalRow {
  year: number;
  stage: string;
  external_id: string;
  proposed_on: string | null;
  proposer: string | null;
  kelurahan_code: string;
  bidang: string | null;
  problem: string | null;
  proposal: string;
  address: string | null;
  lat: number | null;
  lng: number | null;
  volume: string | null;
  unit: string | null;
  estimated_budget: string | null;
  opd_initial: string | null;
  opd_final: string | null;
  status: ProposalStatus;
  note: string | null;
  source_id: string | null;
}

const nameCache = new Map<string, string>();

/** Lower case, no "Kel." prefix, punctuation folded: "Oro-oro Ombo" → "oro oro ombo". Cached (names repeat). */
export function normaliseName(name: string): string {
  let n = nameCache.get(name);
  if (n === undefined) {
    n = normaliseNameUncached(name);
    if (nameCache.size < 10_000) nameCache.set(name, n);
  }
  return n;
}

function normaliseNameUncached(name: string): string {
  return name.toLowerCase().replace(/^(kel\.|kelurahan|desa)\s*/, '').replace(/[^a-z0-9]+/g, ' ').trim();
}

const statusCache = new Map<string, ProposalStatus | null>();

/** Cached: an export spells its few statuses the same way on every row. */
export function mapStatus(raw: string): ProposalStatus | null {
  let status = statusCache.get(raw);
  if (status === undefined) {
    status = STATUS_MAP[raw.trim().toLowerCase().replace(/\s+/g, ' ')] ?? null;
    if (statusCache.size < 1_000) statusCache.set(raw, status);
  }
  return status;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

/** A real calendar date in YYYY-MM-DD or DD/MM/YYYY (or a Date cell from XLSX). Checked by arithmetic: a Date per row was the import's slowest step. */
export function parseDate(raw: unknown): string | null {
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? null : raw.toISOString().slice(0, 10);
  const s = String(raw ?? '').trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  let y: number, mo: number, d: number;
  if (m) [y, mo, d] = [+m[1], +m[2], +m[3]];
  else if ((m = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(s))) [y, mo, d] = [+m[3], +m[2], +m[1]];
  else return null;
  if (y < 1000 || mo < 1 || mo > 12 || d < 1) return null;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (mo === 2 && leap ? 29 : DAYS_IN_MONTH[mo - 1])) return null;
  return `${y}-${pad2(mo)}-${pad2(d)}`;
}

/** "25 orang" → volume 25, unit orang; "1.500 meter" → 1500. */
export function parseCoefficient(raw: string): { volume: string | null; unit: string | null } {
  const m = /^([\d.,]+)\s*(.*)$/.exec(raw.trim());
  if (!m) return { volume: null, unit: raw.trim() || null };
  const num = m[1].replace(/\.(?=\d{3}(\D|$))/g, '').replace(',', '.');
  return { volume: Number.isFinite(Number(num)) ? num : null, unit: m[2].trim() || null };
}

/** Rupiah amount: digits with optional thousand dots; "Rp" allowed; minus sign kept so it can be refused. */
export function parseAmount(raw: string): number | null {
  const s = raw.replace(/rp\.?/i, '').replace(/\s/g, '');
  if (s === '') return null;
  const cleaned = /^-?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s) ? s.replace(/\./g, '').replace(',', '.') : s.replace(',', '.');
  const n = Number(cleaned);
  return Number.isFinite(n) ? n : NaN;
}

const text = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v ?? '')).trim();
const orNull = (s: string): string | null => (s === '' ? null : s);

export interface MusrenbangContext {
  /** normalised kelurahan name → Kemendagri code, within the city. */
  kelurahan: Map<string, string>;
  stage: string;
  sourceId?: string | null;
}

/** Validates one e-Musrenbang row; the reason names the column. */
export function validateMusrenbangRow(raw: RawRow, ctx: MusrenbangContext): Validation<ProposalRow> {
  const d = raw.data;
  const no = text(d.No);
  if (!no) return { ok: false, reason: 'No: empty' };
  const kelName = text(d.Kelurahan);
  const kelurahanCode = ctx.kelurahan.get(normaliseName(kelName));
  if (!kelurahanCode) return { ok: false, reason: `Kelurahan: unknown kelurahan "${kelName}" (not in Kota Madiun)` };
  const proposal = text(d.Usulan);
  if (!proposal) return { ok: false, reason: 'Usulan: empty proposal' };
  const dateRaw = d.Tgl_Usul;
  const proposedOn = text(dateRaw) === '' ? null : parseDate(dateRaw);
  if (text(dateRaw) !== '' && !proposedOn) return { ok: false, reason: `Tgl_Usul: impossible date "${text(dateRaw)}"` };
  const budget = parseAmount(text(d.Anggaran));
  if (budget !== null && Number.isNaN(budget)) return { ok: false, reason: `Anggaran: not a number "${text(d.Anggaran)}"` };
  if (budget !== null && budget < 0) return { ok: false, reason: `Anggaran: negative budget ${budget}` };
  const status = mapStatus(text(d.Status));
  if (!status) return { ok: false, reason: `Status: unknown status "${text(d.Status)}"` };
  const yearRaw = text(d.Tahun);
  const year = yearRaw ? Number(yearRaw) : proposedOn ? Number(proposedOn.slice(0, 4)) : NaN;
  if (!Number.isInteger(year) || year < 2000 || year > 2100) return { ok: false, reason: 'Tahun: no year (give Tahun or Tgl_Usul)' };
  const { volume, unit } = parseCoefficient(text(d.Koefisien));
  return {
    ok: true,
    value: {
      year,
      stage: text(d.Tahapan).toLowerCase() || ctx.stage,
      external_id: no,
      proposed_on: proposedOn,
      proposer: orNull(text(d.Pengusul)),
      kelurahan_code: kelurahanCode,
      bidang: orNull(text(d.Urusan)),
      problem: orNull(text(d.Permasalahan)),
      proposal,
      address: orNull(text(d.Alamat)),
      lat: null,
      lng: null,
      volume,
      unit,
      estimated_budget: budget === null ? null : budget.toFixed(2),
      opd_initial: orNull(text(d.SKPD_Tujuan_Awal)),
      opd_final: orNull(text(d.SKPD_Tujuan_Akhir)),
      status,
      note: orNull(text(d.Keterangan)),
      source_id: ctx.sourceId ?? null,
    },
  };
}

export const proposalKey = (p: ProposalRow): string => `${p.year}|${p.stage}|${p.external_id}|${p.kelurahan_code}`;
