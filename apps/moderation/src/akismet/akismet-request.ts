import { AKISMET_COMMENT_FIELDS, AkismetCommentV1, parseContract } from '@replyguard/contracts';

/** A form body as Fastify parses it: repeated names become arrays. */
export type FormBody = Record<string, unknown>;

export interface AkismetComment {
  fields: AkismetCommentV1;
  /** Value of the field named by `honeypot_field_name`, when there is one. */
  honeypot?: string;
}

/**
 * The Akismet fields of a request, validated; other fields are ignored (clients send many Akismet
 * accepts, such as `comment_context[]`). The key is read apart (see `presentedKey`).
 */
export function parseAkismetComment(body: FormBody): AkismetComment {
  const known: Record<string, unknown> = {};
  for (const name of AKISMET_COMMENT_FIELDS) if (body[name] !== undefined) known[name] = body[name];
  const fields = parseContract(AkismetCommentV1, known);
  const trap = fields.honeypot_field_name ? body[fields.honeypot_field_name] : undefined;
  return typeof trap === 'string' ? { fields, honeypot: trap.slice(0, 1000) } : { fields };
}
