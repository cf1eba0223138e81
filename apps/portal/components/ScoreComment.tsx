'use client';

/**
 * The 1–5 score, an optional comment, the send button and the outcome: the
 * shared body of the policy rating and the satisfaction survey forms.
 */
export function ScoreComment(props: {
  legend: string;
  commentLabel: string;
  commentId: string;
  sendLabel: string;
  score: string;
  onScore: (v: string) => void;
  comment: string;
  onComment: (v: string) => void;
  status: { ok: boolean; message: string } | null;
}) {
  return (
    <>
      <fieldset>
        <legend>{props.legend}</legend>
        {[1, 2, 3, 4, 5].map((n) => (
          <label key={n} className="inline">
            <input type="radio" name="score" value={n} checked={props.score === String(n)} onChange={() => props.onScore(String(n))} /> {n}
          </label>
        ))}
      </fieldset>
      <label htmlFor={props.commentId}>{props.commentLabel}</label>
      <textarea id={props.commentId} rows={3} maxLength={2000} value={props.comment} onChange={(e) => props.onComment(e.target.value)} />
      <button type="submit">{props.sendLabel}</button>
      {props.status && (
        <p role={props.status.ok ? 'status' : 'alert'} className={props.status.ok ? 'ok' : 'error'}>
          {props.status.message}
        </p>
      )}
    </>
  );
}
