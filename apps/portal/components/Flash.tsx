/** The outcome of the last action, carried in the URL so it also works without JavaScript. */
export function Flash({ ok, err }: { ok?: string; err?: string }) {
  if (err) return <p role="alert" className="error-box">{err}</p>;
  if (ok) return <p role="status" className="notice">{ok}</p>;
  return null;
}
