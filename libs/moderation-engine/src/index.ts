/**
 * @replyguard/moderation-engine — local, explainable spam and toxicity checks. Pure TypeScript: no Nest,
 * no ORM, no network. This file is the library's only door; import nothing else from it.
 */
export type {
  ModerationAction,
  EngineSubmission,
  EngineContext,
  ReasonCode,
  DecisionReason,
  DecisionScores,
  Decision,
} from './decision';
export { REASON_CODES } from './decision';
export type { SitePolicy, Threshold, DeepPartial, EnginePolicyErrorCode } from './policy';
export { DEFAULT_SITE_POLICY, resolveSitePolicy, checkSitePolicy, mergeSitePolicy, EnginePolicyError } from './policy';
export { ModerationEngine, MAX_ANALYSED_CHARS } from './engine';
export { defaultModelsDir } from './models-path';
export { EngineModelError } from './model/text-models';
export { TOXICITY_SIGNALS } from './model/toxicity-features';
/** What the duplicate check compares: the same comment whatever its case, spacing or punctuation. */
export { duplicateKey } from './text/fold';
/** How the engine reads an e-mail's domain and a website field's host (also for bans by domain). */
export { emailDomain, hostOf } from './text/links';
/** Feature extractors and file format, for tools/train only. */
export * as modelTraining from './model/training';
