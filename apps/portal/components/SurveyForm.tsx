'use client';

import { useState } from 'react';

/** The citizen satisfaction survey (the blueprint's target: 4.5 of 5). */
export function SurveyForm() {
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!score) return setStatus({ ok: false, message: 'Pilih nilai 1 sampai 5.' });
    const res = await fetch('/api/surveys/citizen', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ score: Number(score), ...(comment.trim() ? { comment } : {}) }),
    }).catch(() => null);
    if (!res) return setStatus({ ok: false, message: 'Koneksi bermasalah. Coba lagi.' });
    const body = await res.json().catch(() => ({}));
    setStatus(res.ok ? { ok: true, message: 'Terima kasih atas penilaian Anda.' } : { ok: false, message: body.message ?? 'Penilaian ditolak.' });
    if (res.ok) {
      setScore('');
      setComment('');
    }
  }

  return (
    <form onSubmit={submit}>
      <fieldset>
        <legend>Seberapa puas Anda dengan layanan Pemerintah Kota Madiun melalui portal ini?</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="inline">
            <input type="radio" name="score" value={n} checked={score === String(n)} onChange={() => setScore(String(n))} /> {n}
          </label>
        ))}
      </fieldset>
      <label htmlFor="survey-comment">Saran atau komentar (opsional)</label>
      <textarea id="survey-comment" rows={3} maxLength={2000} value={comment} onChange={(e) => setComment(e.target.value)} />
      <button type="submit">Kirim</button>
      {status && (
        <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'ok' : 'error'}>
          {status.message}
        </p>
      )}
    </form>
  );
}
