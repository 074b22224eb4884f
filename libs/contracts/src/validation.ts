import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';

/** One failing field and the rules it broke, with the field's full path (`data.authorName`). */
export interface FieldViolation {
  field: string;
  rules: string[];
  messages: string[];
}

/** Thrown when a payload does not match its contract. Carries every violation, never the values. */
export class ContractViolationError extends Error {
  readonly code = 'CONTRACT_VIOLATION';
  constructor(
    readonly contract: string,
    readonly violations: FieldViolation[],
  ) {
    super(
      `${contract} is invalid: ${violations.map((v) => `${v.field} (${v.rules.join(', ')})`).join('; ')}`,
    );
    this.name = 'ContractViolationError';
  }
}

export function flattenValidationErrors(errors: ValidationError[], prefix = ''): FieldViolation[] {
  const out: FieldViolation[] = [];
  for (const error of errors) {
    const field = prefix ? `${prefix}.${error.property}` : error.property;
    if (error.constraints) {
      const rules = Object.keys(error.constraints);
      const messages = Object.values(error.constraints);
      // A field left out breaks every rule it has ("must be a string", "must not be less than 1", "must
      // be one of …"); say first that it is missing: with its own rule's words when it has one.
      if (error.value === undefined) {
        const own = messages.findIndex((m) => m.endsWith('is required'));
        if (own < 0) {
          rules.unshift('isDefined');
          messages.unshift(`${field} is required`);
        } else if (own > 0) {
          rules.unshift(...rules.splice(own, 1));
          messages.unshift(...messages.splice(own, 1));
        }
      }
      out.push({ field, rules, messages });
    }
    if (error.children?.length) out.push(...flattenValidationErrors(error.children, field));
  }
  return out;
}

/**
 * Turns an untrusted plain value into a validated instance of a contract class, the same way for
 * HTTP bodies and Kafka payloads: unknown properties are refused, nested objects are validated.
 */
export function parseContract<T extends object>(cls: ClassConstructor<T>, value: unknown): T {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new ContractViolationError(cls.name, [
      { field: '(root)', rules: ['isObject'], messages: ['payload must be a JSON object'] },
    ]);
  }
  const instance = plainToInstance(cls, value);
  const errors = validateSync(instance, { whitelist: true, forbidNonWhitelisted: true });
  if (errors.length > 0) throw new ContractViolationError(cls.name, flattenValidationErrors(errors));
  return instance;
}
