'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { Category, Kecamatan, PublicAspiration } from '../lib/api';
import type { Section } from '../lib/i18n';
import { browserPersonId } from '../lib/rater';
import { enqueueSubmission, lastReceipts, sendSubmission, type SubmissionReceipt } from '../lib/pending-submissions';

const DRAFT = 'ogh-draft-aspirasi';

interface Draft {
  key: string;
  text: string;
  title: string;
  kelurahanCode: string;
  categoryCode: string;
  withContact: boolean;
  name: string;
  phone: string;
  email: string;
  consent: boolean;
}

const emptyDraft = (): Draft => ({
  key: crypto.randomUUID(),
  text: '',
  title: '',
  kelurahanCode: '',
  categoryCode: '',
  withContact: false,
  name: '',
  phone: '',
  email: '',
  consent: false,
});


function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** The aspiration form: draft kept across reloads, suggestions while typing, offline-safe sending. */
export function AspirationForm({ kecamatan, categories, s }: { kecamatan: Kecamatan[]; categories: Category[]; s: Section<'form'> }) {
  const fieldLabel = (f: string) => (s as Record<string, string>)[`field.${f}`] ?? f;
  const [draft, setDraft] = useState<Draft | null>(null);
  const [errors, setErrors] = useState<{ field: string; problem: string }[]>([]);
  const [message, setMessage] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<SubmissionReceipt | null>(null);
  const [queued, setQueued] = useState(false);
  const [sending, setSending] = useState(false);
  const [suggestion, setSuggestion] = useState<{ code: string; label: string } | null>(null);
  const [similar, setSimilar] = useState<PublicAspiration[]>([]);
  const [supported, setSupported] = useState<Record<string, number>>({});
  const errorRef = useRef<HTMLDivElement>(null);

  // The draft survives a reload.
  useEffect(() => {
    try {
      const saved = localStorage.getItem(DRAFT);
      setDraft(saved ? { ...emptyDraft(), ...(JSON.parse(saved) as Draft) } : emptyDraft());
    } catch {
      setDraft(emptyDraft());
    }
  }, []);
  useEffect(() => {
    if (draft) localStorage.setItem(DRAFT, JSON.stringify(draft));
  }, [draft]);

  const text = useDebounced(draft?.text ?? '', 600);
  const kel = draft?.kelurahanCode ?? '';
  useEffect(() => {
    if (text.trim().length < 20) return setSuggestion(null);
    const ctl = new AbortController();
    fetch(`/api/aspirations/suggest-category?text=${encodeURIComponent(text)}`, { signal: ctl.signal })
      .then((r) => (r.ok ? r.json() : null))
      .then((s) => setSuggestion(s))
      .catch(() => undefined);
    return () => ctl.abort();
  }, [text]);
  useEffect(() => {
    if (text.trim().length < 20 || !kel) return setSimilar([]);
    const ctl = new AbortController();
    fetch(`/api/aspirations/similar?text=${encodeURIComponent(text)}&kelurahan=${encodeURIComponent(kel)}`, { signal: ctl.signal })
      .then((r) => (r.ok ? r.json() : []))
      .then((s) => setSimilar(Array.isArray(s) ? s : []))
      .catch(() => undefined);
    return () => ctl.abort();
  }, [text, kel]);

  const categoryLabel = useMemo(() => new Map(categories.map((c) => [c.code, c.labelId])), [categories]);
  if (!draft) return <p>{s.loading}</p>;
  const set = (patch: Partial<Draft>) => setDraft({ ...draft, ...patch });
  const problem = (field: string) => errors.find((e) => e.field === field)?.problem;

  async function support(id: string) {
    const supporterId = browserPersonId();
    const res = await fetch(`/api/aspirations/${id}/support`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ supporterId }) });
    if (res.ok) {
      const body = (await res.json()) as { supportCount: number };
      setSupported((s) => ({ ...s, [id]: body.supportCount }));
    }
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!draft) return;
    setErrors([]);
    setMessage(null);
    setSending(true);
    const body: Record<string, unknown> = { text: draft.text, kelurahanCode: draft.kelurahanCode, channel: 'portal' };
    if (draft.title.trim()) body.title = draft.title;
    if (draft.categoryCode) body.categoryCode = draft.categoryCode;
    if (draft.withContact) {
      body.contact = { consent: draft.consent, ...(draft.name ? { name: draft.name } : {}), ...(draft.phone ? { phone: draft.phone } : {}), ...(draft.email ? { email: draft.email } : {}) };
    }
    const pending = { key: draft.key, body, queuedAt: new Date().toISOString() };
    const result = await sendSubmission(pending);
    setSending(false);
    if (result.kind === 'sent') {
      setReceipt(result.receipt);
      localStorage.removeItem(DRAFT);
    } else if (result.kind === 'rejected') {
      setErrors(result.details.length ? result.details : [{ field: '', problem: result.message }]);
      setMessage(s.checkFields);
      errorRef.current?.focus();
    } else {
      // Kept on this device with the same key: sent later, exactly once.
      enqueueSubmission(pending);
      localStorage.removeItem(DRAFT);
      setQueued(true);
    }
  }

  if (receipt) {
    return (
      <section className="card success" aria-live="polite" data-testid="receipt">
        <h2>{s.receiptTitle}</h2>
        <p>
          {s.receiptCode} <strong data-testid="tracking-code">{receipt.trackingCode}</strong>
        </p>
        <p>
          {s.receiptKey} <strong data-testid="follow-up-key">{receipt.followUpKey}</strong>
        </p>
        <p>
          {s.receiptOpd} {receipt.opd.name}. {s.receiptDue} {new Date(receipt.dueVerifyAt).toLocaleDateString(s.locale, { timeZone: 'Asia/Jakarta' })}.
        </p>
        <p>
          <a href={`/lacak/${receipt.trackingCode}`}>{s.receiptTrack}</a>
        </p>
      </section>
    );
  }
  if (queued) {
    return (
      <section className="card notice" aria-live="polite" data-testid="queued">
        <h2>{s.queuedTitle}</h2>
        <p>{s.queued1}</p>
        <p>{s.queued2}</p>
      </section>
    );
  }

  const recent = typeof window === 'undefined' ? [] : lastReceipts();
  return (
    <form onSubmit={submit} noValidate aria-describedby="form-help" data-hydrated="true">
      <p id="form-help">{s.help}</p>
      {/* Always in the page, so the summary is announced when it appears; focused after a refused submission. */}
      <div ref={errorRef} tabIndex={-1} role="alert">
        {message && (
          <div className="error-box">
            <p>{message}</p>
            <ul>
              {errors.map((e) => (
                <li key={e.field + e.problem}>{e.field ? `${fieldLabel(e.field)}: ` : ''}{e.problem}</li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <label htmlFor="text">{s.text}</label>
      <textarea id="text" name="text" rows={6} required minLength={10} maxLength={4000} value={draft.text} aria-invalid={!!problem('text')}
        aria-describedby={problem('text') ? 'text-count text-error' : 'text-count'} onChange={(e) => set({ text: e.target.value })} placeholder={s.textPlaceholder} />
      <FieldError id="text-error" problem={problem('text')} />
      <p className="hint" id="text-count">
        {draft.text.length}/4000 {s.chars}
      </p>

      <label htmlFor="title">{s.titleLabel}</label>
      <input id="title" name="title" maxLength={200} value={draft.title} aria-invalid={!!problem('title')} aria-describedby={problem('title') ? 'title-error' : undefined} onChange={(e) => set({ title: e.target.value })} />
      <FieldError id="title-error" problem={problem('title')} />

      <label htmlFor="kelurahan">{s.kelurahan}</label>
      <select id="kelurahan" name="kelurahanCode" required value={draft.kelurahanCode} aria-invalid={!!problem('kelurahanCode')} aria-describedby={problem('kelurahanCode') ? 'kelurahan-error' : undefined} onChange={(e) => set({ kelurahanCode: e.target.value })}>
        <option value="">{s.kelurahanPick}</option>
        {kecamatan.map((kc) => (
          <optgroup key={kc.code} label={`${s.kecamatan} ${kc.name}`}>
            {kc.kelurahan.map((kl) => (
              <option key={kl.code} value={kl.code}>
                {kl.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>
      <FieldError id="kelurahan-error" problem={problem('kelurahanCode')} />

      <label htmlFor="category">{s.category}</label>
      <select id="category" name="categoryCode" value={draft.categoryCode} onChange={(e) => set({ categoryCode: e.target.value })}>
        <option value="">{s.categoryAuto}</option>
        {categories.map((c) => (
          <option key={c.code} value={c.code}>
            {c.labelId}
          </option>
        ))}
      </select>
      {suggestion && !draft.categoryCode && (
        <p className="hint" data-testid="category-suggestion">
          {s.suggestion} <strong>{categoryLabel.get(suggestion.code) ?? suggestion.label}</strong>{' '}
          <button type="button" className="link" onClick={() => set({ categoryCode: suggestion.code })}>
            {s.useSuggestion}
          </button>
        </p>
      )}

      {similar.length > 0 && (
        <section className="card" aria-labelledby="mirip" data-testid="similar">
          <h2 id="mirip">{s.similarTitle}</h2>
          <p>{s.similarIntro}</p>
          <ul>
            {similar.map((a) => (
              <li key={a.id}>
                <p>{a.text}</p>
                <p className="hint">
                  {a.statusLabel} · {supported[a.id] ?? a.supportCount} {s.supports}{' '}
                  <button type="button" onClick={() => void support(a.id)} disabled={a.id in supported}>
                    {a.id in supported ? s.supported : s.support}
                  </button>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <fieldset>
        <legend>{s.contact}</legend>
        <label className="inline">
          <input type="checkbox" checked={draft.withContact} onChange={(e) => set({ withContact: e.target.checked })} /> {s.withContact}
        </label>
        {draft.withContact && (
          <>
            <p className="hint">
              {s.contactNote} <a href="/privasi">{s.privacyLink}</a>
            </p>
            <label htmlFor="name">{s.name}</label>
            <input id="name" maxLength={120} value={draft.name} onChange={(e) => set({ name: e.target.value })} autoComplete="name" />
            <label htmlFor="phone">{s.phone}</label>
            <input id="phone" type="tel" inputMode="tel" value={draft.phone} aria-invalid={!!problem('contact.phone')} aria-describedby={problem('contact.phone') ? 'phone-error' : undefined} onChange={(e) => set({ phone: e.target.value })} autoComplete="tel" />
            <FieldError id="phone-error" problem={problem('contact.phone')} />
            <label htmlFor="email">{s.email}</label>
            <input id="email" type="email" value={draft.email} aria-invalid={!!problem('contact.email')} aria-describedby={problem('contact.email') ? 'email-error' : undefined} onChange={(e) => set({ email: e.target.value })} autoComplete="email" />
            <FieldError id="email-error" problem={problem('contact.email')} />
            <label className="inline">
              <input type="checkbox" checked={draft.consent} aria-invalid={!!problem('contact.consent')} aria-describedby={problem('contact.consent') ? 'consent-error' : undefined} onChange={(e) => set({ consent: e.target.checked })} /> {s.consent}
            </label>
            <FieldError id="consent-error" problem={problem('contact.consent')} />
          </>
        )}
      </fieldset>

      <button type="submit" disabled={sending}>
        {sending ? s.sending : s.send}
      </button>
      {recent.length > 0 && (
        <p className="hint">{s.recent} {recent.map((r) => r.trackingCode).join(', ')}</p>
      )}
    </form>
  );
}

/** The problem with one field, right under it and tied to it with aria-describedby. */
function FieldError({ id, problem }: { id: string; problem?: string }) {
  return problem ? (
    <p id={id} className="error field-error">
      {problem}
    </p>
  ) : null;
}
