'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { Section } from '../lib/i18n';

type Action = 'info' | 'confirm' | 'contest';

/** What the citizen can do with the follow-up key: add information, confirm with a score, or contest. */
export function FollowUpActions({ code, allowed, s }: { code: string; allowed: ('add_info' | 'confirm' | 'contest')[]; s: Section<'follow'> }) {
  const router = useRouter();
  const [action, setAction] = useState<Action>(allowed.includes('confirm') ? 'confirm' : 'info');
  const [key, setKey] = useState('');
  const [text, setText] = useState('');
  const [score, setScore] = useState('5');
  // Marks the form interactive once React has hydrated it (before that a click would do nothing useful).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);
  // After a confirmation the page refreshes with no actions left: keep the confirmation visible.
  if (!allowed.length) {
    return status ? (
      <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'ok' : 'error'}>
        {status.message}
      </p>
    ) : null;
  }

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const body =
      action === 'info' ? { followUpKey: key, text } : action === 'confirm' ? { followUpKey: key, satisfaction: Number(score), ...(text ? { comment: text } : {}) } : { followUpKey: key, reason: text };
    const res = await fetch(`/api/aspirations/track/${encodeURIComponent(code)}/${action}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    }).catch(() => null);
    if (!res) return setStatus({ ok: false, message: s.network });
    const out = await res.json().catch(() => ({}));
    if (res.ok) {
      setStatus({ ok: true, message: action === 'confirm' ? s.confirmed : action === 'contest' ? s.contested : s.infoSaved });
      setText('');
      router.refresh();
    } else if (res.status === 403) {
      setStatus({ ok: false, message: s.badKey });
    } else {
      const details = (out.details ?? []) as { field: string; problem: string }[];
      setStatus({ ok: false, message: details.length ? details.map((d) => `${d.field}: ${d.problem}`).join('; ') : (out.message ?? s.refused) });
    }
  }

  return (
    <section className="card" aria-labelledby="tindak">
      <h2 id="tindak">{s.title}</h2>
      <form onSubmit={submit} data-hydrated={hydrated}>
        <fieldset>
          <legend>{s.choose}</legend>
          {allowed.includes('confirm') && (
            <label className="inline">
              <input type="radio" name="action" checked={action === 'confirm'} onChange={() => setAction('confirm')} /> {s.confirm}
            </label>
          )}
          {allowed.includes('contest') && (
            <label className="inline">
              <input type="radio" name="action" checked={action === 'contest'} onChange={() => setAction('contest')} /> {s.contest}
            </label>
          )}
          <label className="inline">
            <input type="radio" name="action" checked={action === 'info'} onChange={() => setAction('info')} /> {s.info}
          </label>
        </fieldset>
        <label htmlFor="followUpKey">{s.key}</label>
        <input id="followUpKey" required value={key} onChange={(e) => setKey(e.target.value)} autoComplete="off" placeholder="XXXXX-XXXXX-XXXXX-XXXXX" />
        {action === 'confirm' && (
          <>
            <label htmlFor="score">{s.score}</label>
            <select id="score" value={score} onChange={(e) => setScore(e.target.value)}>
              {[5, 4, 3, 2, 1].map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </>
        )}
        <label htmlFor="followText">{action === 'contest' ? s.reason : action === 'info' ? s.infoText : s.comment}</label>
        <textarea id="followText" rows={3} value={text} onChange={(e) => setText(e.target.value)} required={action !== 'confirm'} />
        <button type="submit">{s.send}</button>
        {status && (
          <p role={status.ok ? 'status' : 'alert'} className={status.ok ? 'ok' : 'error'}>
            {status.message}
          </p>
        )}
      </form>
    </section>
  );
}
