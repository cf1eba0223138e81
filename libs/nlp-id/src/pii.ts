/**
 * Personal data that citizens paste into public aspirations: NIK (16-digit
 * national ID), phone numbers and e-mail addresses. Shared with the feedback
 * module so published text never shows them.
 */
export type PiiKind = 'nik' | 'phone' | 'email';

export interface PiiMatch {
  kind: PiiKind;
  start: number;
  end: number;
  text: string;
}

const EMAIL = /[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}/g;
// 16 digits, optionally split by single spaces, dots or dashes; province codes never start with 0.
const NIK = /(?<![\d.,-])[1-9](?:[ .-]?\d){15}(?![\d]|[.,]\d)/g;
// Mobile: 08xx / +628xx / 628xx, 10-14 digits with separators.
const MOBILE = /(?<![\w+])(?:\+62|62|0)[ .-]?\(?8\d{1,2}\)?(?:[ .-]?\d){6,10}(?!\d)/g;
// Landline with area code: (0351) 462123, 0351-462123, +62 351 462123.
const LANDLINE = /(?<![\w+])(?:\+62[ .-]?\(?[2-9]\d{1,2}\)?|\(0[2-9]\d{1,2}\)|0[2-9]\d{1,2})[ .-]?\d{5,8}(?![\d]|[.,]\d)/g;

const LABEL: Record<PiiKind, string> = { nik: '[NIK]', phone: '[TELEPON]', email: '[EMAIL]' };

function collect(re: RegExp, kind: PiiKind, text: string, out: PiiMatch[]): void {
  re.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(text)) !== null) {
    const start = m.index;
    const end = start + m[0].length;
    if (out.some((o) => start < o.end && end > o.start)) continue;
    out.push({ kind, start, end, text: m[0] });
  }
}

/**
 * Full-width forms (U+FF01–U+FF5E: "０８１２…", "＠") as their ASCII
 * characters. Some phone keyboards and copy-paste produce them; NFKC would
 * fold them too, but it can change the length of other text, and the spans
 * found here must fit the text as given (public copies keep its layout).
 */
function foldFullWidth(text: string): string {
  let out: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xff01 && c <= 0xff5e) {
      out ??= text.slice(0, i);
      out += String.fromCharCode(c - 0xfee0);
    } else if (out !== null) out += text[i];
  }
  return out ?? text;
}

/** PII found in `text`, in order, without overlaps (also when typed in full-width digits and letters). */
export function detectPii(text: string): PiiMatch[] {
  if (!text) return [];
  // One pass says whether any pattern can match: e-mail needs "@", a NIK 16 digits, a mobile number 9,
  // a landline 8 (full-width forms counted as what they fold to). Most texts have none of these.
  let at = false;
  let digits = 0;
  let fullWidth = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) digits++;
    else if (c === 64) at = true;
    else if (c >= 0xff01 && c <= 0xff5e) {
      fullWidth = true;
      if (c === 0xff20) at = true;
      else if (c >= 0xff10 && c <= 0xff19) digits++;
    }
  }
  if (!at && digits < 8) return [];
  if (fullWidth) {
    const view = foldFullWidth(text);
    return detectIn(view, at, digits >= 8).map((m) => ({ ...m, text: text.slice(m.start, m.end) }));
  }
  return detectIn(text, at, digits >= 8);
}

function detectIn(text: string, hasAt: boolean, numbers: boolean): PiiMatch[] {
  const out: PiiMatch[] = [];
  if (hasAt) collect(EMAIL, 'email', text, out);
  if (numbers) {
    collect(NIK, 'nik', text, out);
    collect(MOBILE, 'phone', text, out);
    collect(LANDLINE, 'phone', text, out);
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Replaces PII with [NIK], [TELEPON], [EMAIL]. */
export function redactPii(text: string, matches: readonly PiiMatch[] = detectPii(text)): string {
  if (matches.length === 0) return text;
  let out = '';
  let last = 0;
  for (const m of matches) {
    out += text.slice(last, m.start) + LABEL[m.kind];
    last = m.end;
  }
  return out + text.slice(last);
}

export function piiLabel(kind: PiiKind): string {
  return LABEL[kind];
}
