import { applyDecorators } from '@nestjs/common';
import { Transform } from 'class-transformer';
import {
  isEmail,
  IsIn,
  IsNotEmpty,
  IsString,
  IsUrl,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
  ValidateBy,
  ValidateIf,
} from 'class-validator';

/**
 * Field rules shared by the HTTP intake and the events, so that a value accepted at the edge is
 * accepted by every consumer downstream. Each decorator names its rule in the error message.
 */
export const FieldLimits = {
  siteId: 64,
  articleId: 200,
  authorName: 245,
  authorEmail: 254,
  authorUrl: 200,
  content: 10_000,
  honeypot: 1_000,
} as const;

/**
 * No lone surrogates and no NUL: text that cannot be stored (PostgreSQL refuses NUL in text) or
 * sent as UTF-8 as it is.
 */
const isWellFormed = (value: unknown): boolean =>
  typeof value === 'string' &&
  !value.includes('\u0000') &&
  !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value);

export const IsWellFormedText = (): PropertyDecorator =>
  ValidateBy({
    name: 'isWellFormed',
    validator: {
      validate: (value) => typeof value !== 'string' || isWellFormed(value),
      defaultMessage: (args) =>
        `${args?.property ?? 'value'} must be well-formed Unicode text without NUL characters`,
    },
  });

/**
 * validator.js's isEmail throws on malformed Unicode; checked first, such input is a plain
 * validation failure rather than a server error.
 */
const IsSafeEmail = (): PropertyDecorator =>
  ValidateBy({
    name: 'isEmail',
    validator: {
      validate: (value) => typeof value === 'string' && isWellFormed(value) && isEmail(value),
      defaultMessage: (args) => `${args?.property ?? 'authorEmail'} must be a valid email address`,
    },
  });

const trim = Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value));

/**
 * Optional in a PATCH: left out, the field is unchanged; sent, it must be valid, and `null` is not. (class-
 * validator's `IsOptional` skips `null` too, which let `{"name": null}` through to a NOT NULL column.)
 */
export const IsOmittable = (): PropertyDecorator => ValidateIf((_: object, v: unknown) => v !== undefined);

export const IsSiteId = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    Matches(/^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/, {
      message: 'siteId must be 1-64 characters of letters, digits, ".", "_" or "-"',
    }),
  );

export const IsArticleId = (): PropertyDecorator =>
  applyDecorators(
    IsString(),
    Matches(/^[A-Za-z0-9._:-]{1,200}$/, {
      message: 'articleId must be 1-200 characters of letters, digits, ".", "_", ":" or "-"',
    }),
  );

export const IsCommentId = (): PropertyDecorator => applyDecorators(IsUUID('all'));

/** Bidirectional embedding, override and isolate controls: invisible, they reorder the text around them. */
const BIDI_CONTROLS_RE = /[\u202A-\u202E\u2066-\u2069]/g;
/** Left-to-right and right-to-left override (LRO, RLO). */
const BIDI_OVERRIDES_RE = /[\u202D\u202E]/g;

/**
 * Trimmed, 1-245 characters, without bidirectional controls: a name is shown beside the comment, and
 * "Zoë \u202Eevil" would be displayed reversed to pose as someone else. Removed, not refused, so the
 * comment is not lost for an invisible character.
 */
export const IsAuthorName = (): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) =>
      typeof value === 'string' ? value.replace(BIDI_CONTROLS_RE, '') : value,
    ),
    trim,
    IsString(),
    IsNotEmpty({ message: 'authorName is required' }),
    MaxLength(FieldLimits.authorName),
    IsWellFormedText(),
  );

/** Spaces and characters that render as nothing: zero-width ones, the Hangul fillers, the braille blank. */
const SHOWS_NOTHING_RE = /^[\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\u2800]*$/u;

/**
 * A reader's text that shows nothing ("\u200B", "\u3164") is empty, as if not given: it would be published
 * as a blank name or comment. For the intake only: events keep the rules they were published under.
 */
export const ShowsSomething = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' && SHOWS_NOTHING_RE.test(value) ? '' : value,
  );

/** Trimmed, a valid address, at most 254 characters. */
export const IsAuthorEmail = (): PropertyDecorator =>
  applyDecorators(
    trim,
    IsString(),
    IsNotEmpty({ message: 'authorEmail is required' }),
    MaxLength(FieldLimits.authorEmail),
    IsSafeEmail(),
  );

/** An e-mail address given to find a commenter's data (erasure): the same rules as `authorEmail`. */
export const IsEmailAddress = (): PropertyDecorator =>
  applyDecorators(trim, IsString(), IsNotEmpty(), MaxLength(FieldLimits.authorEmail), IsSafeEmail());

const URI_CHARACTERS = /^[A-Za-z0-9\-._~:/?#[\]@!$&'()*+,;=%]*$/;

/**
 * An http(s) address as the WHATWG URL standard writes it (`href`) when it is not a URI already: the host in punycode, the path
 * and query percent-encoded, so that it is a URI (RFC 3986, the events' `format: uri`) wherever it
 * goes: "https://bücher.example/straße" is "https://xn--bcher-kva.example/stra%C3%9Fe". One that is a
 * URI already stays as typed ("https://ann.example.org" gains no trailing slash). Anything
 * that does not start with http:// or https:// or does not parse is returned as given, for the
 * rules to refuse.
 */
export function normaliseHttpUrl(value: string): string {
  if (!/^https?:\/\//i.test(value)) return value;
  // Already a URI (only characters RFC 3986 allows): kept as the reader typed it.
  if (URI_CHARACTERS.test(value)) return value;
  try {
    return new URL(value).href;
  } catch {
    return value;
  }
}

/**
 * http or https only (so never `javascript:` or `data:`), at most 200 characters. With `normalise`
 * (where a reader's address comes in), it is checked and kept as its `href` (normaliseHttpUrl).
 */
export const IsAuthorUrl = (options: { normalise?: boolean } = {}): PropertyDecorator =>
  applyDecorators(
    Transform(({ value }: { value: unknown }) => {
      if (typeof value !== 'string') return value;
      const trimmed = value.trim();
      if (trimmed === '') return undefined;
      return options.normalise ? normaliseHttpUrl(trimmed) : trimmed;
    }),
    IsString(),
    MaxLength(FieldLimits.authorUrl),
    IsUrl(
      { protocols: ['http', 'https'], require_protocol: true, require_tld: false },
      { message: 'authorUrl must be an http or https URL' },
    ),
  );

/** Trimmed, 1-10,000 characters. */
/**
 * Direction overrides reverse what follows ("invoice_\u202Egnp.exe" shows as "invoice_exe.png"): no
 * right-to-left writing needs them (embeddings and isolates stay), so a reader's text loses them.
 */
export const WithoutDirectionOverrides = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) =>
    typeof value === 'string' ? value.replace(BIDI_OVERRIDES_RE, '') : value,
  );

export const IsCommentContent = (): PropertyDecorator =>
  applyDecorators(
    WithoutDirectionOverrides(),
    trim,
    IsString(),
    IsNotEmpty({ message: 'content is required' }),
    MinLength(1),
    MaxLength(FieldLimits.content),
    IsWellFormedText(),
  );

export const IsModerationAction = (): PropertyDecorator =>
  applyDecorators(IsIn(['approve', 'hold', 'reject']));
