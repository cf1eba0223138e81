import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { ApiErrorDetail } from '@ogh/domain';
import { badRequest } from './domain.exception';

/** Flattens class-validator's tree into `field.path: problem` pairs. */
export function flattenValidationErrors(errors: ValidationError[], parent = ''): ApiErrorDetail[] {
  const out: ApiErrorDetail[] = [];
  for (const e of errors) {
    const field = parent ? `${parent}.${e.property}` : e.property;
    for (const [rule, message] of Object.entries(e.constraints ?? {})) {
      out.push({ field, problem: rule === 'whitelistValidation' ? 'is not an accepted field' : message });
    }
    if (e.children?.length) out.push(...flattenValidationErrors(e.children, field));
  }
  return out;
}

/** DTOs are validated at the edge: unknown fields refused, types converted. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    stopAtFirstError: true,
    exceptionFactory: (errors) => {
      const details = flattenValidationErrors(errors);
      const fields = [...new Set(details.map((d) => d.field))];
      return badRequest(`Invalid request: ${fields.join(', ')}`, details);
    },
  });
}
