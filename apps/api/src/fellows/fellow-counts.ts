/**
 * How the programme counts its fellows. The fellows statistics and the OKR
 * metrics (active fellows, share certified) use the same queries.
 */
export const DEFAULT_ACTIVE_WITHIN_DAYS = 60;

/** The activity window in days (activeWithinDays), 1–366, default 60. */
export function activeWithinDays(params: Record<string, unknown>): number {
  const n = Number(params.activeWithinDays ?? DEFAULT_ACTIVE_WITHIN_DAYS);
  return Number.isInteger(n) && n > 0 && n <= 366 ? n : DEFAULT_ACTIVE_WITHIN_DAYS;
}

/**
 * Active fellows: certified participants (a certificate issued by $1) with at
 * least one activity (data audit, forum facilitation, mentoring) in the $3
 * days ending on the WIB day $2.
 */
export const ACTIVE_FELLOWS_SQL = `
  SELECT count(DISTINCT c.participant_id)::int AS n
  FROM fellow_certificate c
  WHERE c.issued_at <= $1
    AND EXISTS (SELECT 1 FROM fellow_activity a WHERE a.participant_id = c.participant_id
                AND a.occurred_on > $2::date - $3::int AND a.occurred_on <= $2::date)`;

/** Participants enrolled in a cohort by $1, and how many of them hold a certificate issued by $1. */
export const CERTIFIED_SHARE_SQL = `
  SELECT count(DISTINCT e.participant_id)::int AS participants,
         count(DISTINCT c.participant_id)::int AS certified
  FROM fellow_enrolment e
  LEFT JOIN fellow_certificate c ON c.participant_id = e.participant_id AND c.issued_at <= $1
  WHERE e.enrolled_at <= $1`;
