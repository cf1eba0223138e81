import fc from 'fast-check';

/** Strings an attacker or a broken client sends. */
export const HOSTILE_STRINGS = [
  "' OR '1'='1",
  "'; DROP TABLE aspiration; --",
  '1; SELECT pg_sleep(5)',
  '<script>alert("xss")</script>',
  '"><img src=x onerror=alert(1)>',
  '../../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
  '\u0000',
  'a\u0000b',
  '\uD800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢 ☃ ‮RTL',
  '${jndi:ldap://x}',
  '{{7*7}}',
  '__proto__',
  'constructor',
  ' ',
  '',
];

export const hostileString = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...HOSTILE_STRINGS),
    fc.string({ unit: 'binary', maxLength: 64 }),
    fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
  );

/** Any value of the wrong kind for a field, or a hostile one of the right kind. */
export const hostileValue = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    hostileString(),
    fc.constantFrom(null, true, false, 0, -1, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 0.5),
    fc.array(hostileString(), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a', '$where'), hostileString(), { maxKeys: 2 }),
    fc.jsonValue({ maxDepth: 3 }),
  );

interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  $ref?: string;
  items?: Schema;
  allOf?: Schema[];
}

export function resolve(doc: { components?: { schemas?: Record<string, Schema> } }, schema: Schema | undefined): Schema | undefined {
  let s = schema;
  for (let i = 0; s?.$ref && i < 10; i++) s = doc.components?.schemas?.[s.$ref.split('/').pop() as string];
  if (s?.allOf?.length) return resolve(doc, s.allOf[0]);
  return s;
}

/**
 * Request bodies derived from an operation's schema: a well-formed skeleton
 * with hostile values in some fields, missing required fields, unknown
 * fields, and bodies that are not objects at all.
 */
export function hostileBody(doc: Parameters<typeof resolve>[0], schema: Schema | undefined): fc.Arbitrary<unknown> {
  const s = resolve(doc, schema);
  const props = Object.keys(s?.properties ?? {});
  const notAnObject = fc.oneof(hostileValue(), fc.constant([]), fc.constant('text'));
  if (!props.length) return fc.oneof(notAnObject, fc.dictionary(fc.string({ maxLength: 8 }), hostileValue(), { maxKeys: 4 }));
  const withHostileFields = fc.record(Object.fromEntries(props.map((p) => [p, hostileValue()])), { requiredKeys: [] });
  const withUnknownField = withHostileFields.chain((o) => hostileValue().map((v) => ({ ...o, unknownField: v })));
  return fc.oneof(withHostileFields, withUnknownField, notAnObject);
}

/** Path parameters that are not what the route expects. */
export const hostileParam = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom('..%2F..%2Fetc%2Fpasswd', '%00', "1'%20OR%20'1'%3D'1", '%3Cscript%3E', 'x'.repeat(3000), '-1', '0', '1e309', '00000000-0000-4000-8000-000000000000', 'null'),
    fc.string({ minLength: 1, maxLength: 40 }).map((s) => encodeURIComponent(s)),
  );

/**
 * Bodies no endpoint accepts: not an object, or an object with a field no
 * DTO declares (the validation pipe forbids unknown fields). For endpoints
 * whose valid call is expensive (retraining the topic model).
 */
export const invalidBody = (): fc.Arbitrary<unknown> =>
  fc.oneof(
    fc.constantFrom([], 'text', 42, true, [1, 2]),
    fc.dictionary(fc.constantFrom('a', 'x'), hostileValue(), { maxKeys: 2 }).chain((o) => hostileValue().map((v) => ({ ...o, unknownField: v }))),
  );
