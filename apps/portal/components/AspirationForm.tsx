'use client';

import { useEffect, useMemo, useRef, useState } from 'react';
import type { Category, Kecamatan, PublicAspiration } from '../lib/api';
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

const FIELD_LABELS: Record<string, string> = {
  text: 'Isi aspirasi',
  title: 'Judul',
  kelurahanCode: 'Kelurahan',
  categoryCode: 'Kategori',
  'contact.phone': 'Nomor HP',
  'contact.email': 'E-mail',
  'contact.consent': 'Persetujuan dihubungi',
  contact: 'Kontak',
};

function useDebounced<T>(value: T, ms: number): T {
  const [v, setV] = useState(value);
  useEffect(() => {
    const t = setTimeout(() => setV(value), ms);
    return () => clearTimeout(t);
  }, [value, ms]);
  return v;
}

/** The aspiration form: draft kept across reloads, suggestions while typing, offline-safe sending. */
export function AspirationForm({ kecamatan, categories }: { kecamatan: Kecamatan[]; categories: Category[] }) {
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
  if (!draft) return <p>Memuat formulir…</p>;
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
      setMessage('Periksa kembali isian yang ditandai.');
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
        <h2>Aspirasi Anda sudah kami terima</h2>
        <p>
          Kode lacak: <strong data-testid="tracking-code">{receipt.trackingCode}</strong>
        </p>
        <p>
          Kunci tindak lanjut (simpan baik-baik, hanya ditampilkan sekali): <strong data-testid="follow-up-key">{receipt.followUpKey}</strong>
        </p>
        <p>
          Ditangani oleh {receipt.opd.name}. Batas waktu verifikasi: {new Date(receipt.dueVerifyAt).toLocaleDateString('id-ID', { timeZone: 'Asia/Jakarta' })}.
        </p>
        <p>
          <a href={`/lacak/${receipt.trackingCode}`}>Lacak aspirasi ini</a>
        </p>
      </section>
    );
  }
  if (queued) {
    return (
      <section className="card notice" aria-live="polite" data-testid="queued">
        <h2>Koneksi sedang bermasalah</h2>
        <p>Aspirasi Anda disimpan di perangkat ini dan akan dikirim otomatis saat koneksi kembali, tanpa terkirim dua kali.</p>
        <p>Biarkan halaman portal terbuka atau buka kembali nanti; kode lacak akan muncul setelah terkirim.</p>
      </section>
    );
  }

  const recent = typeof window === 'undefined' ? [] : lastReceipts();
  return (
    <form onSubmit={submit} noValidate aria-describedby="form-help">
      <p id="form-help">Kolom bertanda * wajib diisi. Anda boleh mengirim tanpa nama (anonim).</p>
      <div ref={errorRef} tabIndex={-1} role={message ? 'alert' : undefined}>
        {message && (
          <div className="error-box">
            <p>{message}</p>
            <ul>
              {errors.map((e) => (
                <li key={e.field + e.problem}>{FIELD_LABELS[e.field] ?? e.field}: {e.problem}</li>
              ))}
            </ul>
          </div>
        )}
      </div>

      <label htmlFor="text">Isi aspirasi *</label>
      <textarea id="text" name="text" rows={6} required minLength={10} maxLength={4000} value={draft.text} aria-invalid={!!problem('text')}
        onChange={(e) => set({ text: e.target.value })} placeholder="Ceritakan masalahnya, di mana, dan sejak kapan." />
      <p className="hint">{draft.text.length}/4000 karakter</p>

      <label htmlFor="title">Judul (opsional)</label>
      <input id="title" name="title" maxLength={200} value={draft.title} onChange={(e) => set({ title: e.target.value })} />

      <label htmlFor="kelurahan">Kelurahan *</label>
      <select id="kelurahan" name="kelurahanCode" required value={draft.kelurahanCode} aria-invalid={!!problem('kelurahanCode')} onChange={(e) => set({ kelurahanCode: e.target.value })}>
        <option value="">— Pilih kelurahan —</option>
        {kecamatan.map((kc) => (
          <optgroup key={kc.code} label={`Kecamatan ${kc.name}`}>
            {kc.kelurahan.map((kl) => (
              <option key={kl.code} value={kl.code}>
                {kl.name}
              </option>
            ))}
          </optgroup>
        ))}
      </select>

      <label htmlFor="category">Kategori (opsional)</label>
      <select id="category" name="categoryCode" value={draft.categoryCode} onChange={(e) => set({ categoryCode: e.target.value })}>
        <option value="">— Biarkan sistem memilih —</option>
        {categories.map((c) => (
          <option key={c.code} value={c.code}>
            {c.labelId}
          </option>
        ))}
      </select>
      {suggestion && !draft.categoryCode && (
        <p className="hint" data-testid="category-suggestion">
          Saran kategori: <strong>{categoryLabel.get(suggestion.code) ?? suggestion.label}</strong>{' '}
          <button type="button" className="link" onClick={() => set({ categoryCode: suggestion.code })}>
            Pakai saran ini
          </button>
        </p>
      )}

      {similar.length > 0 && (
        <section className="card" aria-labelledby="mirip" data-testid="similar">
          <h2 id="mirip">Aspirasi serupa di kelurahan ini</h2>
          <p>Jika masalahnya sama, Anda bisa mendukung aspirasi yang sudah ada.</p>
          <ul>
            {similar.map((a) => (
              <li key={a.id}>
                <p>{a.text}</p>
                <p className="hint">
                  {a.statusLabel} · {supported[a.id] ?? a.supportCount} dukungan{' '}
                  <button type="button" onClick={() => void support(a.id)} disabled={a.id in supported}>
                    {a.id in supported ? 'Sudah didukung' : 'Dukung'}
                  </button>
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}

      <fieldset>
        <legend>Kontak (opsional)</legend>
        <label className="inline">
          <input type="checkbox" checked={draft.withContact} onChange={(e) => set({ withContact: e.target.checked })} /> Saya bersedia dihubungi
        </label>
        {draft.withContact && (
          <>
            <p className="hint">
              Kontak disimpan terenkripsi, terpisah dari aspirasi, dan hanya dapat dibaca oleh perangkat daerah yang menangani. Tidak pernah
              ditampilkan ke publik. <a href="/privasi">Kebijakan privasi</a>
            </p>
            <label htmlFor="name">Nama</label>
            <input id="name" maxLength={120} value={draft.name} onChange={(e) => set({ name: e.target.value })} autoComplete="name" />
            <label htmlFor="phone">Nomor HP</label>
            <input id="phone" inputMode="tel" value={draft.phone} aria-invalid={!!problem('contact.phone')} onChange={(e) => set({ phone: e.target.value })} autoComplete="tel" />
            <label htmlFor="email">E-mail (untuk pemberitahuan)</label>
            <input id="email" type="email" value={draft.email} aria-invalid={!!problem('contact.email')} onChange={(e) => set({ email: e.target.value })} autoComplete="email" />
            <label className="inline">
              <input type="checkbox" checked={draft.consent} onChange={(e) => set({ consent: e.target.checked })} /> Saya setuju dihubungi oleh perangkat daerah terkait aspirasi ini *
            </label>
          </>
        )}
      </fieldset>

      <button type="submit" disabled={sending}>
        {sending ? 'Mengirim…' : 'Kirim aspirasi'}
      </button>
      {recent.length > 0 && (
        <p className="hint">Aspirasi terakhir dari perangkat ini: {recent.map((r) => r.trackingCode).join(', ')}</p>
      )}
    </form>
  );
}
