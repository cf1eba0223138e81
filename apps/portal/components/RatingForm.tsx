'use client';

import { useRouter } from 'next/navigation';
import { useEffect, useState } from 'react';
import type { Section } from '../lib/i18n';
import { browserPersonId } from '../lib/rater';
import { ScoreComment } from './ScoreComment';

/** Rate a published policy 1–5 with an optional comment; rating again updates it. */
export function RatingForm({ policyId, s }: { policyId: string; s: Section<'rate'> }) {
  const router = useRouter();
  const [score, setScore] = useState('');
  const [comment, setComment] = useState('');
  // Marks the form interactive once React has hydrated it (before that a click would do nothing useful).
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [status, setStatus] = useState<{ ok: boolean; message: string } | null>(null);

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    if (!score) return setStatus({ ok: false, message: s.pick });
    const res = await fetch(`/api/policies/${policyId}/ratings`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ score: Number(score), raterId: browserPersonId(), ...(comment.trim() ? { comment } : {}) }),
    }).catch(() => null);
    if (!res) return setStatus({ ok: false, message: s.network });
    const body = await res.json().catch(() => ({}));
    if (res.ok) {
      setStatus({ ok: true, message: body.result === 'updated' ? s.updated : s.saved });
      router.refresh();
    } else {
      setStatus({ ok: false, message: body.message ?? s.refused });
    }
  }

  return (
    <form onSubmit={submit} aria-labelledby="nilai-judul" data-testid="rating-form" data-hydrated={hydrated}>
      <h2 id="nilai-judul">{s.title}</h2>
      <ScoreComment
        legend={s.legend}
        commentLabel={s.comment}
        commentId="comment"
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
