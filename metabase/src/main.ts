import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { loadProvisionConfig, ProvisionConfigError } from './config';
import { MetabaseApiError } from './metabase-client';
import { provision, ProvisionError, ProvisionResult } from './provision';
import { loadQuestions, QuestionFileError } from './questions';

export interface RunOptions {
  env?: Record<string, string | undefined>;
  /** Directory of the question files (default: METABASE_QUESTIONS_DIR, else metabase/questions). */
  questionsDir?: string;
  updateDatabasePassword?: boolean;
  log?: (line: string) => void;
}

/** metabase/questions, from the sources (metabase/src) or the build (dist/metabase). */
export function defaultQuestionsDir(): string {
  const candidates = [resolve(__dirname, '../questions'), resolve(__dirname, '../../metabase/questions')];
  return candidates.find((d) => existsSync(d)) ?? candidates[0];
}

/** Waits until Metabase answers /api/health with 200 (it answers 503 while it migrates its own database). */
export async function waitForMetabase(url: string, seconds: number, log: (line: string) => void): Promise<void> {
  const deadline = Date.now() + seconds * 1000;
  let said = false;
  for (;;) {
    let status = 'no answer';
    try {
      const res = await fetch(`${url}/api/health`, { signal: AbortSignal.timeout(5000) });
      if (res.ok) return;
      status = `HTTP ${res.status}`;
    } catch (err) {
      status = (err as Error).message;
    }
    if (Date.now() >= deadline) throw new ProvisionError(`Metabase at ${url} is not healthy after ${seconds} s (${status})`);
    if (!said) log(`Waiting for Metabase at ${url} (${status})…`);
    said = true;
    await new Promise((r) => setTimeout(r, 2000));
  }
}

/** The command: configuration from the environment, wait for Metabase, provision. */
export async function run(options: RunOptions = {}): Promise<ProvisionResult> {
  const log = options.log ?? ((line: string) => console.log(line));
  const env = options.env ?? process.env;
  const config = loadProvisionConfig(env);
  const dir = options.questionsDir ?? env.METABASE_QUESTIONS_DIR ?? defaultQuestionsDir();
  const questions = loadQuestions(dir);
  log(`Provisioning Metabase at ${config.metabaseUrl} with ${questions.length} questions from ${dir}`);
  await waitForMetabase(config.metabaseUrl, config.waitSeconds, log);
  return provision(config, { questions, log, updateDatabasePassword: options.updateDatabasePassword });
}

const USAGE = `Usage: npm run metabase:provision [-- --update-db-password]

Sets up Metabase (first-time setup or sign-in), the analytics database as the
read-only BI role, the "Open Governance Hub" collection, one question per
metabase/questions/*.sql file and the "Dasbor BI Diskominfo" dashboard.
Re-running it updates what differs and leaves the rest alone.

Environment: METABASE_URL, METABASE_ADMIN_EMAIL, METABASE_ADMIN_PASSWORD,
BI_DB_HOST, BI_DB_PORT (5432), BI_DB_NAME, BI_DB_USER (ogh_bi_reader),
BI_READER_PASSWORD, BI_DB_SSL (false); optional METABASE_SITE_NAME,
METABASE_DATABASE_NAME, METABASE_QUESTIONS_DIR, METABASE_WAIT_SECONDS (300).

--update-db-password  send BI_READER_PASSWORD again (Metabase never shows the
                      stored one, so a rotated password is not noticed otherwise)`;

if (require.main === module) {
  const args = process.argv.slice(2);
  if (args.includes('--help') || args.includes('-h')) {
    console.log(USAGE);
    process.exit(0);
  }
  const unknown = args.filter((a) => a !== '--update-db-password');
  if (unknown.length) {
    console.error(`Unknown argument(s): ${unknown.join(' ')}\n\n${USAGE}`);
    process.exit(64);
  }
  run({ updateDatabasePassword: args.includes('--update-db-password') }).then(
    () => process.exit(0),
    (err: unknown) => {
      const expected = err instanceof ProvisionConfigError || err instanceof ProvisionError || err instanceof QuestionFileError || err instanceof MetabaseApiError;
      console.error(`Metabase provisioning failed: ${expected ? (err as Error).message : err instanceof Error ? (err.stack ?? err.message) : String(err)}`);
      process.exit(err instanceof ProvisionConfigError ? 78 : 1);
    },
  );
}
