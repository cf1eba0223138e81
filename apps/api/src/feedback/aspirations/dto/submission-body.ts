import { createParamDecorator, ExecutionContext, PipeTransform } from '@nestjs/common';
import { ASPIRATION_CHANNELS } from '@ogh/domain';
import { isIn, isLatitude, isLongitude, matches, max, maxLength, min, minLength } from 'class-validator';
import { createValidationPipe } from '../../../common/errors/validation';
import { CITY_BOUNDS, CreateAspirationDto, SUBMISSION_LIMITS } from './create-aspiration.dto';

/** The fields the quick check knows; a body with any other (contact, an unknown field) goes to the full validator. */
const QUICK_FIELDS = new Set(['text', 'title', 'categoryCode', 'kelurahanCode', 'latitude', 'longitude', 'address', 'channel']);

const trimmed = (v: unknown) => (typeof v === 'string' ? v.trim() : undefined);
const absent = (v: unknown) => v === undefined || v === null;

/**
 * The common submission, checked with the same rules (class-validator's own
 * functions, the DTO's limits) without building the validation metadata
 * tree on every request. Returns the DTO exactly as the ValidationPipe would
 * build it, or undefined when the body is not plainly valid: then the full
 * validator decides, so every refusal keeps its field and wording.
 */
export function quickSubmission(body: unknown): CreateAspirationDto | undefined {
  // A plain object, as JSON.parse makes it (its prototype is a realm's Object.prototype): no array, no class instance.
  const proto: unknown = typeof body === 'object' && body !== null ? Object.getPrototypeOf(body) : undefined;
  if (!proto || Object.getPrototypeOf(proto) !== null) return undefined;
  const b = body as Record<string, unknown>;
  const keys = Object.keys(b);
  if (!keys.every((k) => QUICK_FIELDS.has(k))) return undefined;

  const text = trimmed(b.text);
  if (text === undefined || !minLength(text, SUBMISSION_LIMITS.text.min) || !maxLength(text, SUBMISSION_LIMITS.text.max)) return undefined;
  if (typeof b.kelurahanCode !== 'string' || !matches(b.kelurahanCode, SUBMISSION_LIMITS.kelurahanCode)) return undefined;
  if (!absent(b.categoryCode) && (typeof b.categoryCode !== 'string' || !matches(b.categoryCode, SUBMISSION_LIMITS.categoryCode))) return undefined;
  if (!absent(b.channel) && !isIn(b.channel, ASPIRATION_CHANNELS as unknown as string[])) return undefined;
  const title = trimmed(b.title);
  if (!absent(b.title) && (title === undefined || !maxLength(title, SUBMISSION_LIMITS.titleMax))) return undefined;
  const address = trimmed(b.address);
  if (!absent(b.address) && (address === undefined || !maxLength(address, SUBMISSION_LIMITS.addressMax))) return undefined;
  // Latitude and longitude are checked as soon as either key is present, even as null.
  if ('latitude' in b || 'longitude' in b) {
    const { latitude: lat, longitude: lng } = b;
    if (typeof lat !== 'number' || !Number.isFinite(lat) || !isLatitude(lat as never) || !min(lat, CITY_BOUNDS.minLat) || !max(lat, CITY_BOUNDS.maxLat)) return undefined;
    if (typeof lng !== 'number' || !Number.isFinite(lng) || !isLongitude(lng as never) || !min(lng, CITY_BOUNDS.minLng) || !max(lng, CITY_BOUNDS.maxLng)) return undefined;
  }

  // The fields in the order they came, trimmed where the DTO trims: what plainToInstance builds.
  const dto = new CreateAspirationDto() as unknown as Record<string, unknown>;
  for (const k of keys) dto[k] = k === 'text' ? text : k === 'title' ? (title ?? b.title) : k === 'address' ? (address ?? b.address) : b[k];
  return dto as unknown as CreateAspirationDto;
}

/** Quick check first, the application's ValidationPipe (same options, same errors) for everything else. */
export class SubmissionBodyPipe implements PipeTransform<unknown, Promise<CreateAspirationDto>> {
  private readonly full = createValidationPipe();

  async transform(value: unknown): Promise<CreateAspirationDto> {
    return quickSubmission(value) ?? (await this.full.transform(value, { type: 'body', metatype: CreateAspirationDto, data: undefined }));
  }
}

const RequestBody = createParamDecorator((_: unknown, ctx: ExecutionContext) => ctx.switchToHttp().getRequest<{ body: unknown }>().body);

/**
 * The request body of POST /aspirations, validated by SubmissionBodyPipe. A
 * custom parameter, so the global ValidationPipe (which skips custom
 * parameters) does not validate it a second time.
 */
export const SubmissionBody = () => RequestBody(new SubmissionBodyPipe());
