import { Type } from 'class-transformer';
import {
  IsDefined,
  IsIn,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  ValidateNested,
  IsArray,
  ArrayMaxSize,
} from 'class-validator';

/**
 * Evidence keys a decision takes from the author's fields (the website's domain, which of the name and
 * website looked like spam): when the author's personal data is erased, every copy of the decision
 * drops them.
 */
export const AUTHOR_EVIDENCE_KEYS = ['websiteDomain', 'authorSignals'] as const;

/** A decision (or its copy in an event) without the evidence that came from the author's fields. */
export function withoutAuthorEvidence<D extends { reasons: { evidence?: Record<string, unknown> }[] }>(
  decision: D,
): D {
  return {
    ...decision,
    reasons: decision.reasons.map((reason) => {
      if (!reason.evidence || !AUTHOR_EVIDENCE_KEYS.some((key) => key in reason.evidence!)) return reason;
      const evidence = { ...reason.evidence };
      for (const key of AUTHOR_EVIDENCE_KEYS) delete evidence[key];
      return { ...reason, evidence };
    }),
  };
}

/** Why the engine or a moderator decided as it did. Never contains an email or IP address. */
export class DecisionReasonV1 {
  /** Stable machine code, e.g. `LINKS_OVER_LIMIT`, `BANNED_WORD`, `SPAM_MODEL`. */
  @IsString()
  @MaxLength(64)
  code!: string;

  /** Human-readable explanation for moderators. */
  @IsString()
  @MaxLength(1000)
  message!: string;

  /** Evidence such as matched terms, counts or scores. */
  @IsOptional()
  @IsObject()
  evidence?: Record<string, unknown>;
}

/** Classifier scores in [0, 1]. */
export class DecisionScoresV1 {
  @IsNumber()
  @Min(0)
  @Max(1)
  spam!: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  toxicity!: number;

  @IsNumber()
  @Min(0)
  @Max(1)
  hate!: number;
}

/** The outcome of a moderation run, as carried in held and rejected events. */
export class DecisionV1 {
  @IsIn(['approve', 'hold', 'reject'])
  action!: 'approve' | 'hold' | 'reject';

  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => DecisionReasonV1)
  reasons!: DecisionReasonV1[];

  @IsDefined()
  @ValidateNested()
  @Type(() => DecisionScoresV1)
  scores!: DecisionScoresV1;

  /** Model name → content-hash version of the model that scored the comment. */
  @IsObject()
  modelVersions!: Record<string, string>;
}
