import type { FastifyAdapter } from '@nestjs/platform-fastify';

/** Deeper than any body of this API; deeper input would only exhaust the validator's stack. */
export const MAX_JSON_DEPTH = 32;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function badBody(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 400, code: 'FST_ERR_CTP_INVALID_JSON_BODY' });
}

/** Nesting depth of JSON text, ignoring brackets inside strings; stops counting once over the limit. */
export function jsonDepth(text: string, limit = MAX_JSON_DEPTH): number {
  let depth = 0;
  let max = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash: skip the escaped character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 91 || c === 123) {
      if (++depth > max && (max = depth) > limit) return max;
    } else if (c === 93 || c === 125) depth--;
  }
  return max;
}

/**
 * The request body parsers (JSON, and form-encoded for Open311). Fastify's
 * JSON parser, behind two checks it does not make: the bytes must be valid
 * UTF-8 (instead of silently becoming U+FFFD in stored text), and the nesting
 * must stay within MAX_JSON_DEPTH, and no escape may leave an unpaired
 * surrogate in a string (validators throw on it). All are 400s in the error shape instead
 * of altered data or a stack overflow. Registering them here stops Nest from
 * adding its own at init.
 */
export function registerBodyParsers(adapter: FastifyAdapter): void {
  const fastify = adapter.getInstance();
  const parseJson = fastify.getDefaultJsonParser('error', 'error');
  const bodyLimit = fastify.initialConfig.bodyLimit;
  adapter.useBodyParser('application/json', false, { bodyLimit }, (req, body, done) => {
    const text = decodeUtf8(body);
    if (text === null) return done(badBody('the body is not valid UTF-8'), undefined);
    if (jsonDepth(text) > MAX_JSON_DEPTH) return done(badBody(`JSON is nested deeper than ${MAX_JSON_DEPTH} levels`), undefined);
    void parseJson(req, text, (err, value) => {
      // Only an escape (\ud800) can make an unpaired surrogate here: valid UTF-8 has none.
      if (!err && SURROGATE_ESCAPE.test(text) && !wellFormed(value)) return done(badBody('a text contains an unpaired Unicode surrogate (\\ud800-\\udfff)'), undefined);
      done(err, value);
    });
  });
  adapter.useBodyParser('application/x-www-form-urlencoded', false, { bodyLimit }, (_req, body, done) => {
    const text = decodeUtf8(body);
    if (text === null) return done(badBody('the body is not valid UTF-8'), undefined);
    done(null, Object.fromEntries(new URLSearchParams(text)));
  });
}

const SURROGATE_ESCAPE = /\\u[dD][89a-fA-F][0-9a-fA-F]{2}/;

const UNPAIRED = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const isWellFormed = (s: string) => !UNPAIRED.test(s);

/** Every string (and key) is well-formed UTF-16, which validators and PostgreSQL expect. */
function wellFormed(value: unknown): boolean {
  if (typeof value === 'string') return isWellFormed(value);
  if (Array.isArray(value)) return value.every(wellFormed);
  if (value && typeof value === 'object') return Object.entries(value).every(([k, v]) => isWellFormed(k) && wellFormed(v));
  return true;
}

function decodeUtf8(body: Buffer): string | null {
  try {
    return utf8.decode(body);
  } catch {
    return null;
  }
}
