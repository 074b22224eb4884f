import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

// Shared by the moderator and admin listings, so every cursor and limit follows one rule. Not
// exported from the library's root: the contracts use them, clients see only the fields.

/** `cursor` of a keyset-paginated listing: the `nextCursor` of the previous page. */
export const PageCursor = (): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ description: 'nextCursor of the previous page' }),
    IsOptional(),
    IsString(),
    MaxLength(200),
    Matches(/^[A-Za-z0-9_-]+$/, { message: 'cursor must be a cursor returned by this endpoint' }),
  );

/** `limit` of a listing: 1-`max` (200 unless said), 50 by default; a query string's number is read as one. */
export const PageLimit = (max = 200): PropertyDecorator =>
  applyDecorators(
    ApiPropertyOptional({ default: 50, minimum: 1, maximum: max }),
    IsOptional(),
    Transform(({ value }: { value: unknown }) => (typeof value === 'string' ? Number(value) : value)),
    IsInt(),
    Min(1),
    Max(max),
  );
