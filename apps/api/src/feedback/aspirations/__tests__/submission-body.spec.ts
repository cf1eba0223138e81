import fc from 'fast-check';
import { DomainException } from '../../../common/errors/domain.exception';
import { createValidationPipe } from '../../../common/errors/validation';
import { CreateAspirationDto } from '../dto/create-aspiration.dto';
import { quickSubmission, SubmissionBodyPipe } from '../dto/submission-body';

/** What the application's ValidationPipe makes of a body: the DTO, or the error details. */
async function full(body: unknown): Promise<{ dto?: unknown; details?: unknown }> {
  try {
    const dto = await createValidationPipe().transform(structuredClone(body), { type: 'body', metatype: CreateAspirationDto, data: undefined });
    return { dto };
  } catch (e) {
    if (!(e instanceof DomainException)) throw e;
    return { details: e.details };
  }
}

const TEXT = 'Lampu PJU di gang masjid mati sudah seminggu, malam gelap.';
const KEL = '35.77.02.1005';

describe('the quick check of a submission body agrees with the full validator', () => {
  it('builds the same DTO for the common valid bodies, key order included', async () => {
    const bodies: Record<string, unknown>[] = [
      { text: TEXT, kelurahanCode: KEL },
      { kelurahanCode: KEL, channel: 'portal', text: `  ${TEXT}\n` },
      { text: TEXT, kelurahanCode: KEL, categoryCode: 'kesehatan', title: '  Lampu mati ', address: ' Jl. Salak 5 ' },
      { text: TEXT, kelurahanCode: KEL, title: '   ', address: null, categoryCode: null, channel: null },
      { text: TEXT, kelurahanCode: KEL, latitude: -7.62345, longitude: 111.51234 },
      { text: 'x'.repeat(4000), kelurahanCode: KEL, latitude: -7.7, longitude: 111.58 },
    ];
    for (const body of bodies) {
      const quick = quickSubmission(structuredClone(body));
      const { dto, details } = await full(body);
      expect(details).toBeUndefined();
      expect(quick).toBeInstanceOf(CreateAspirationDto);
      expect(quick).toEqual(dto);
      // The idempotency hash is taken over JSON.stringify(dto): the two must serialise alike.
      expect(JSON.stringify(quick)).toBe(JSON.stringify(dto));
    }
  });

  it('leaves every refused body to the full validator, which names the field', async () => {
    const cases: [unknown, string][] = [
      [{ text: 'pendek', kelurahanCode: KEL }, 'text'],
      [{ text: `   ${'a'.repeat(8)}   `, kelurahanCode: KEL }, 'text'],
      [{ text: 'x'.repeat(4001), kelurahanCode: KEL }, 'text'],
      [{ text: 12345678901, kelurahanCode: KEL }, 'text'],
      [{ text: TEXT, kelurahanCode: 'Winongo' }, 'kelurahanCode'],
      [{ text: TEXT }, 'kelurahanCode'],
      [{ text: TEXT, kelurahanCode: KEL, categoryCode: 'Kesehatan!' }, 'categoryCode'],
      [{ text: TEXT, kelurahanCode: KEL, channel: 'telegram' }, 'channel'],
      [{ text: TEXT, kelurahanCode: KEL, title: 'x'.repeat(201) }, 'title'],
      [{ text: TEXT, kelurahanCode: KEL, address: 42 }, 'address'],
      [{ text: TEXT, kelurahanCode: KEL, latitude: -7.63 }, 'longitude'],
      [{ text: TEXT, kelurahanCode: KEL, latitude: null, longitude: 111.5 }, 'latitude'],
      [{ text: TEXT, kelurahanCode: KEL, latitude: -6.2, longitude: 106.8 }, 'latitude'],
      [{ text: TEXT, kelurahanCode: KEL, admin: true }, 'admin'],
      [{ text: TEXT, kelurahanCode: KEL, contact: { email: 'a@b.id' } }, 'contact.consent'],
    ];
    const pipe = new SubmissionBodyPipe();
    for (const [body, field] of cases) {
      expect(quickSubmission(structuredClone(body))).toBeUndefined();
      const err = await pipe.transform(structuredClone(body)).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(DomainException);
      expect((err as DomainException).details?.map((d) => d.field)).toContain(field);
    }
  });

  it('hands bodies it does not cover (contact details) to the full validator', async () => {
    const body = { text: TEXT, kelurahanCode: KEL, contact: { name: ' Siti ', phone: '0812-3456-7890', consent: true } };
    expect(quickSubmission(structuredClone(body))).toBeUndefined();
    const dto = await new SubmissionBodyPipe().transform(structuredClone(body));
    expect(dto.contact).toMatchObject({ name: 'Siti', phone: '081234567890', consent: true });
  });

  it('never accepts what the full validator refuses, and never builds a different DTO (generated bodies)', async () => {
    const str = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom(TEXT, ` ${TEXT} `, 'x'.repeat(4001), '  short  ', ''));
    const anyValue = fc.oneof(str, fc.integer(), fc.double(), fc.boolean(), fc.constant(null), fc.array(fc.integer(), { maxLength: 2 }));
    /** Mostly a value the quick path accepts, sometimes a near miss or anything at all. */
    const mostly = <T, U>(valid: fc.Arbitrary<T>, nearMiss: fc.Arbitrary<U>) =>
      fc.oneof({ weight: 12, arbitrary: valid }, { weight: 1, arbitrary: nearMiss }, { weight: 1, arbitrary: anyValue });
    const body = fc
      .record(
        {
          text: mostly(fc.constantFrom(TEXT, ` ${TEXT} `, 'x'.repeat(4000), `  ${'y'.repeat(10)}  `), fc.constantFrom(`  ${'y'.repeat(9)}  `, 'x'.repeat(4001))),
          kelurahanCode: mostly(fc.constantFrom(KEL, '35.77.01.1001'), fc.constantFrom('35.77.1.1001', ' 35.77.02.1005')),
          categoryCode: mostly(fc.constantFrom('kesehatan', 'penerangan_jalan', null), fc.constantFrom('A_b', 'x')),
          title: mostly(fc.oneof(str, fc.constant('t'.repeat(200)), fc.constant(null)), fc.constant('t'.repeat(201))),
          address: mostly(fc.oneof(str, fc.constant(' a'.repeat(150)), fc.constant(null)), fc.constant('a'.repeat(301))),
          channel: mostly(fc.constantFrom('portal', 'sms', 'other', null), fc.constantFrom('telegram', 'Portal')),
        },
        { requiredKeys: ['text', 'kelurahanCode'] },
      )
      .chain((b) => {
        const lat = mostly(fc.oneof(fc.double({ min: -7.7, max: -7.55, noNaN: true }), fc.constantFrom(-7.7, -7.55)), fc.constantFrom(-7.71, -7.5, Number.NaN, Infinity));
        const lng = mostly(fc.oneof(fc.double({ min: 111.45, max: 111.58, noNaN: true }), fc.constantFrom(111.45, 111.58)), fc.constantFrom(111.44, 111.6));
        // Usually no point or a whole one; sometimes half a point.
        const point = fc.oneof(
          { weight: 3, arbitrary: fc.constant({}) },
          { weight: 3, arbitrary: fc.record({ latitude: lat, longitude: lng }) },
          { weight: 1, arbitrary: fc.record({ latitude: lat }) },
          { weight: 1, arbitrary: fc.record({ longitude: lng }) },
        );
        // Now and then a field the DTO does not have.
        const extra = fc.oneof({ weight: 9, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: fc.record({ admin: fc.boolean() }) });
        return fc.tuple(point, extra).map(([p, e]) => ({ ...b, ...p, ...e }));
      });
    let accepted = 0;
    await fc.assert(
      fc.asyncProperty(body, async (b) => {
        const quick = quickSubmission(structuredClone(b));
        if (!quick) return;
        accepted++;
        const { dto, details } = await full(b);
        expect(details).toBeUndefined();
        expect(JSON.stringify(quick)).toBe(JSON.stringify(dto));
      }),
      { numRuns: 3000 },
    );
    // The generator must reach the quick path often enough for the property to mean something.
    expect(accepted).toBeGreaterThan(300);
  });
});
