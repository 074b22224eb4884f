import type { FastifyAdapter } from '@nestjs/platform-fastify';
import { validationFailed } from './validation-failed';

/**
 * How deep a JSON body may nest. No body of the API nests more than a few levels (a site's policy
 * is the deepest); the validator walks bodies recursively, and 20 KB of nested arrays overflowed
 * its stack (a 500).
 */
export const MAX_JSON_DEPTH = 32;

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;

/**
 * Whether JSON text opens more than `max` arrays and objects inside one another. One pass over
 * its code units, allocating nothing; brackets inside strings do not count. Malformed JSON is left
 * to the parser to refuse.
 */
export function jsonNestingExceeds(json: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < json.length; i++) {
    const c = json.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_ARRAY || c === OPEN_OBJECT) {
      if (++depth > max) return true;
    } else if (c === CLOSE_ARRAY || c === CLOSE_OBJECT) {
      depth--;
    }
  }
  return false;
}

/**
 * The body parsers Nest's Fastify adapter registers (JSON and forms) and no other, the JSON one
 * refusing a body nested deeper than MAX_JSON_DEPTH with a VALIDATION_FAILED before anything parses
 * or walks it.
 * Call before the application starts: Nest then leaves its own parsers out.
 */
export function installBodyParsers(adapter: FastifyAdapter): void {
  adapter.registerParserMiddleware();
  const fastify = adapter.getInstance();
  const { bodyLimit, onProtoPoisoning, onConstructorPoisoning } = fastify.initialConfig;
  const parseJson = fastify.getDefaultJsonParser(
    onProtoPoisoning ?? 'error',
    onConstructorPoisoning ?? 'error',
  );
  // Fastify reads text/plain as a string, which no route takes: a JSON body sent as text/plain then
  // failed validation as if every field were missing. Without a parser it is a 415 naming the types.
  fastify.removeContentTypeParser('text/plain');
  fastify.removeContentTypeParser('application/json');
  fastify.addContentTypeParser(
    'application/json',
    { parseAs: 'string', bodyLimit },
    (request, body, done) => {
      if (jsonNestingExceeds(body as string, MAX_JSON_DEPTH)) {
        const message = `the JSON body may nest at most ${MAX_JSON_DEPTH} arrays and objects deep`;
        done(validationFailed([{ field: '(root)', rules: ['maxDepth'], messages: [message] }]), undefined);
        return;
      }
      void parseJson(request, body as string, (error, parsed) => {
        if (error && isPoisoned(body as string)) {
          done(
            validationFailed([{ field: '(root)', rules: ['noPrototypeKeys'], messages: [POISONED] }]),
            undefined,
          );
          return;
        }
        done(error, parsed);
      });
    },
  );
}

const POISONED = 'the JSON body may not have a "__proto__" key, nor "constructor" with "prototype"';

/**
 * Whether JSON the secure parser refused is well-formed after all: then it was refused for a
 * `__proto__` or `constructor.prototype` key, and the answer says so rather than "not valid JSON".
 * Runs only on a refused body.
 */
function isPoisoned(json: string): boolean {
  try {
    JSON.parse(json);
    return true;
  } catch {
    return false;
  }
}
