import { stdSerializers } from 'pino';

/** Keys of a failed query's error that hold the values it was run with. */
const VALUE_KEYS = new Set(['parameters', 'params', 'values']);

/**
 * pino's error serializer, without the values a failed query ran with: TypeORM's QueryFailedError
 * carries `query` and `parameters`, and the parameters of a stored comment are its author's name,
 * text, user agent and referrer. The query text (placeholders only) and the database's code stay.
 */
export function errorWithoutQueryValues(error: unknown): unknown {
  if (!(error instanceof Error)) return error;
  return scrub(stdSerializers.err(error), 0);
}

function scrub(value: unknown, depth: number): unknown {
  if (typeof value !== 'object' || value === null || depth > 4) return value;
  if (Array.isArray(value)) return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (VALUE_KEYS.has(key)) continue;
    out[key] = scrub(v, depth + 1);
  }
  return out;
}
