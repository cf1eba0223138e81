'use client';

import { useEffect, useState } from 'react';
import { flushPending, pendingSubmissions } from '../lib/pending-submissions';

/** On every page: sends aspirations saved while offline as soon as the connection is back. */
export function PendingSender() {
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

  if (!waiting && !sentCodes.length) return null;
  return (
    <div className="notice" role="status" aria-live="polite" data-testid="pending-status">
      {waiting > 0 && <p>{waiting} aspirasi menunggu koneksi dan akan dikirim otomatis.</p>}
      {sentCodes.map((c) => (
        <p key={c}>
          Aspirasi tersimpan telah terkirim. Kode lacak: <strong>{c}</strong> (kunci tindak lanjut ada di halaman Kirim aspirasi).
        </p>
      ))}
    </div>
  );
}
