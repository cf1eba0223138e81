'use client';

import { useEffect, useState } from 'react';
import type { Section } from '../lib/i18n';
import { ScoreComment } from './ScoreComment';

/** The citizen satisfaction survey (the blueprint's target: 4.5 of 5). */
export function SurveyForm({ s }: { s: Section<'survey'> }) {
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  // Marks the form interactive once React has hydrated it.
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!score) return setStatus({ ok: false, message: s.pick });
    const res = await fetch('/api/surveys/citizen', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ score: Number(score), ...(comment.trim() ? { comment } : {}) }),
    }).catch(() => null);
    if (!res) return setStatus({ ok: false, message: s.network });
    const body = await res.json().catch(() => ({}));
    setStatus(res.ok ? { ok: true, message: s.thanks } : { ok: false, message: body.message ?? s.refused });
    if (res.ok) {
      setScore('');
      setComment('');
    }
  }

  return (
    <form onSubmit={submit} data-hydrated={hydrated}>
      <ScoreComment
        legend={s.legend}
        commentLabel={s.comment}
        commentId="survey-comment"
        sendLabel={s.send}
        score={score}
        onScore={setScore}
        comment={comment}
        onComment={setComment}
        status={status}
      />
    </form>
  );
}
