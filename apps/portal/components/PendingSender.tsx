'use client';

import { useEffect, useState } from 'react';
import type { Section } from '../lib/i18n';
import { flushPending, pendingSubmissions } from '../lib/pending-submissions';

/** On every page: sends aspirations saved while offline as soon as the connection is back. */
export function PendingSender({ s }: { s: Section<'pending'> }) {
  const [waiting, setWaiting] = useState(0);
  const [sentCodes, setSentCodes] = useState<string[]>([]);

  useEffect(() => {
    let stopped = false;
    const tick = async () => {
      if (!pendingSubmissions().length) return setWaiting(0);
      const sent = await flushPending();
      if (stopped) return;
      if (sent.length) setSentCodes((c) => [...c, ...sent.map((s) => s.trackingCode)]);
      setWaiting(pendingSubmissions().length);
    };
    void tick();
    const timer = setInterval(() => void tick(), 10_000);
    const online = () => void tick();
    window.addEventListener('online', online);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener('online', online);
    };
  }, []);

  // The live region is always in the page, so what appears in it is announced.
  return (
    <div className={waiting || sentCodes.length ? 'notice' : undefined} role="status" aria-live="polite" data-testid="pending-status">
      {waiting > 0 && (
        <p>
          {waiting} {s.waiting}
        </p>
      )}
      {sentCodes.map((c) => (
        <p key={c}>
          {s.sent} <strong>{c}</strong> {s.keyNote}
        </p>
      ))}
    </div>
  );
}
