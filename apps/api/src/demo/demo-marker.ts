/**
 * How demo rows are recognised. There is no flag column: each table's demo
 * rows carry a marker in a column that exists today, visible to anyone who
 * reads them (tracking code "DEMO-…", titles and names starting "[DEMO]",
 * Musrenbang external ids "DEMO-…"). Rows hanging off a demo row (events,
 * analyses, ratings, links, enrolments…) go with it.
 */
export const DEMO_TRACKING_PREFIX = 'DEMO-';
export const DEMO_LABEL = '[DEMO]';
export const DEMO_EXTERNAL_PREFIX = 'DEMO-';

/** SQL predicates selecting the demo rows of each table that carries a marker. */
export const DEMO_WHERE = {
  aspiration: `tracking_code LIKE '${DEMO_TRACKING_PREFIX}%'`,
  policy: `title LIKE '${DEMO_LABEL}%'`,
  forumEvent: `topic LIKE '${DEMO_LABEL}%'`,
  musrenbangProposal: `external_id LIKE '${DEMO_EXTERNAL_PREFIX}%'`,
  fellowCohort: `name LIKE '${DEMO_LABEL}%'`,
  fellowParticipant: `full_name LIKE '${DEMO_LABEL}%'`,
  okrCheckIn: `author_name LIKE '${DEMO_LABEL}%'`,
  /** Survey answers: those about a demo aspiration, and the ASN answers whose comment is marked. */
  surveyResponse: `(comment LIKE '${DEMO_LABEL}%' OR aspiration_id IN (SELECT id FROM aspiration WHERE tracking_code LIKE '${DEMO_TRACKING_PREFIX}%'))`,
} as const;

export const demoLabel = (text: string) => `${DEMO_LABEL} ${text}`;
