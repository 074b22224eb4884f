import type { Decision, DecisionReason, DecisionScores, EngineContext, EngineSubmission, ModerationAction, ReasonCode } from './decision';
import { sigmoid } from './model/model-file';
import { readManifest, SpamModel, ToxicityModel } from './model/text-models';
import { swearingAtSomeone, toxicitySignals } from './model/toxicity-features';
import { defaultModelsDir } from './models-path';
import type { SitePolicy, Threshold } from './policy';
import { authorSignals, COVER_CONTENT_FLOOR } from './rules/author';
import { WordList } from './rules/word-list';
import { asReadersSeeIt, collapseRepeats, foldTokens } from './text/fold';
import { extractLinks } from './text/links';
import { mergeSpans, reportedParaphrases, reportedQuotations, withoutSpans } from './text/quotes';

/** Content beyond this many characters is not analysed (the caller still stores all of it). */
export const MAX_ANALYSED_CHARS = 20_000;

type Severity = 'reject' | 'hold' | 'info';
interface Flag {
  severity: Severity;
  reason: DecisionReason;
}

/**
 * Decides approve / hold / reject for one comment, with reasons. Pure and synchronous: load it once at
 * start-up, then call `moderate` per submission with the site's policy and the facts the caller looked up.
 * Not re-entrant across threads (it reuses feature buffers); one instance per worker.
 */
export class ModerationEngine {
  readonly modelVersions: Record<string, string>;
  private readonly listsByArray = new WeakMap<readonly string[], WordList>();
  private readonly listsByKey = new Map<string, WordList>();

  private constructor(
    private readonly spam: SpamModel | undefined,
    private readonly toxicity: ToxicityModel | undefined,
  ) {
    const versions: Record<string, string> = {};
    if (spam) versions.spam = spam.version;
    if (toxicity) {
      versions.toxicity = toxicity.version;
      versions.hate = toxicity.version;
    }
    this.modelVersions = Object.freeze(versions);
  }

  /**
   * Loads the committed models once (synchronous; call at start-up). `modelsDir` defaults to
   * `defaultModelsDir()`. Throws `EngineModelError` if the folder or a model file is missing or altered.
   */
  static load(modelsDir: string = defaultModelsDir()): ModerationEngine {
    const manifest = readManifest(modelsDir);
    return new ModerationEngine(SpamModel.load(modelsDir, manifest.spam), ToxicityModel.load(modelsDir, manifest.toxicity));
  }

  /** Rules only, no models (scores stay 0). For tests and for callers that have no model files. */
  static rulesOnly(): ModerationEngine {
    return new ModerationEngine(undefined, undefined);
  }

  moderate(s: EngineSubmission, policy: SitePolicy, ctx: EngineContext = {}): Decision {
    // As readers see it: a zero-width space, a soft hyphen or a Cyrillic look-alike letter inside a
    // word hides it from no check.
    const content = typeof s.content === 'string' ? asReadersSeeIt(s.content.slice(0, MAX_ANALYSED_CHARS)) : '';
    const flags: Flag[] = [];

    if (s.honeypot && s.honeypot.trim().length > 0) {
      flags.push(flag('reject', 'HONEYPOT', 'The hidden form field was filled in, as bots do'));
    }
    if (ctx.blocked?.email) flags.push(flag('reject', 'BLOCKED_EMAIL', "The author's e-mail address is blocked on this site"));
    if (ctx.blocked?.ipHash) flags.push(flag('reject', 'BLOCKED_IP', "The author's network address is blocked on this site"));
    if (ctx.blocked?.domain) flags.push(flag('reject', 'BLOCKED_DOMAIN', "The author's e-mail or website domain is blocked on this site"));
    if (ctx.duplicateRecent) {
      flags.push(flag('reject', 'DUPLICATE', 'The same comment by the same author on this article within the last 10 minutes'));
    }
    const fromEmail = ctx.recentFromEmail ?? 0;
    const fromIp = ctx.recentFromIp ?? 0;
    if (fromEmail >= policy.flood.maxPerWindow || fromIp >= policy.flood.maxPerWindow) {
      flags.push(flag('hold', 'FLOOD', `More than ${policy.flood.maxPerWindow} comments within ${policy.flood.windowSeconds} s`, {
        recentFromEmail: fromEmail,
        recentFromIp: fromIp,
        maxPerWindow: policy.flood.maxPerWindow,
        windowSeconds: policy.flood.windowSeconds,
      }));
    }

    const links = extractLinks(content);
    if (links.count > policy.maxLinks) {
      flags.push(flag('hold', 'LINKS_OVER_LIMIT', `${links.count} links, the site allows ${policy.maxLinks}`, {
        links: links.count,
        maxLinks: policy.maxLinks,
        domains: links.domains.slice(0, 10),
      }));
    }

    if (policy.bannedWords.length > 0 || policy.suspectWords.length > 0) {
      // `content` is read as readers see it already (above): folded once more it would be the same.
      const tokens = foldTokens(content).map(collapseRepeats);
      const banned = this.wordList(policy.bannedWords).matchTokens(tokens);
      if (banned.length > 0) {
        flags.push(flag('reject', 'BANNED_WORD', `Contains banned ${plural(banned.length, 'word')}: ${banned.join(', ')}`, { terms: banned }));
      }
      const suspect = this.wordList(policy.suspectWords).matchTokens(tokens);
      if (suspect.length > 0) {
        flags.push(flag('hold', 'SUSPECT_WORD', `Contains suspect ${plural(suspect.length, 'word')}: ${suspect.join(', ')}`, { terms: suspect }));
      }
    }

    const scores: DecisionScores = { spam: 0, toxicity: 0, hate: 0 };
    if (this.spam) {
      const name = typeof s.authorName === 'string' ? asReadersSeeIt(s.authorName) : s.authorName;
      const author = authorSignals(name, s.authorUrl, content);
      const modelLogit = this.spam.logit(content, links);
      scores.spam = round(sigmoid((author.cover ? Math.max(modelLogit, COVER_CONTENT_FLOOR) : modelLogit) + author.logit));
      const contentScore = round(sigmoid(modelLogit));
      let severity = bySeverity(scores.spam, policy.thresholds.spam);
      let message = `Spam score ${scores.spam} (hold at ${policy.thresholds.spam.hold}, reject at ${policy.thresholds.spam.reject})`;
      // The author fields are priors, not evidence learned from data: they may hold a comment whose text
      // passes, never reject it ("Castle Street Pharmacy", a real shop, posting its opening hours).
      if (severity === 'reject' && contentScore < policy.thresholds.spam.hold) {
        severity = 'hold';
        message += `; held, not rejected: the text alone scores ${contentScore}, the author fields make the rest`;
      }
      if (severity !== 'info') {
        flags.push(flag(severity, 'SPAM_MODEL', message, {
          score: scores.spam,
          contentScore,
          terms: this.spam.explain(content),
          links: links.count,
          markupLinks: links.markup,
          shorteners: links.shorteners,
          authorSignals: author.signals,
          websiteDomain: author.websiteDomain,
          threshold: policy.thresholds.spam,
          modelVersion: this.spam.version,
        }));
      }
    }
    if (this.toxicity) {
      const t = this.toxicity.score(content);
      scores.toxicity = round(t.toxicity);
      scores.hate = round(t.hate);
      const unquoted = this.unquotedScores(content, scores, policy);
      const unaimed = this.unaimedProfanityScores(content, scores, t.cues, policy);
      for (const [code, head, label] of [['TOXICITY_MODEL', 'toxicity', 'Toxicity'], ['HATE_MODEL', 'hate', 'Hate']] as const) {
        const threshold = policy.thresholds[head];
        let severity = bySeverity(scores[head], threshold);
        if (severity === 'info') continue;
        let message = `${label} score ${scores[head]} (hold at ${threshold.hold}, reject at ${threshold.reject})`;
        // (`unaimed` exists only for a toxicity hold with the hate head under its hold threshold)
        if (unaimed) {
          severity = 'info';
          message += `; allowed: what scores is swearing aimed at no one, which this site allows (without it, ${unaimed[head]})`;
        } else if (unquoted && severity === 'reject') {
          severity = 'hold';
          message += `; held, not rejected: what scores is a quotation or claim the comment reports (without it, ${unquoted[head]})`;
        }
        flags.push(flag(severity, code, message, {
          score: scores[head],
          ...(unquoted ? { withoutQuotations: unquoted[head] } : {}),
          ...(unaimed ? { withoutProfanity: unaimed[head] } : {}),
          terms: this.toxicity.explain(content, head),
          lexicon: [...new Set(t.lexiconHits)].slice(0, 10),
          signals: toxicitySignals(t.cues),
          threshold,
          modelVersion: this.toxicity.version,
        }));
      }
    }

    // Swearing at someone in so many words holds even when the models, diluted by a longer comment, pass it.
    if (!flags.some((f) => (f.reason.code === 'TOXICITY_MODEL' || f.reason.code === 'HATE_MODEL') && f.severity !== 'info')) {
      const sworn = swearingAtSomeone(content);
      if (sworn) flags.push(flag('hold', 'AIMED_PROFANITY', `Swearing aimed at someone ("${sworn}")`, { terms: [sworn] }));
    }

    const trusted = ctx.trustedAuthor === true;
    if (policy.mode === 'pre' && !(trusted && policy.trustedSkipPremoderation)) {
      flags.push(flag('hold', 'PREMODERATION', 'This site reviews every comment before it is published'));
    }
    if (trusted) {
      flags.push(flag('info', 'TRUSTED_AUTHOR', policy.mode === 'pre' && policy.trustedSkipPremoderation
        ? 'The author has an earlier approved comment on this site under the same name and e-mail and skips pre-moderation'
        : 'The author has an earlier approved comment on this site under the same name and e-mail'));
    }
    return this.decide(flags, scores);
  }

  /**
   * Quoting hate to report or condemn it ("They chanted "gas the Jews" last time") reads as hate to the
   * model. When a head would reject, the comment is scored again with its reported quotations left out
   * (`reportedQuotations`), and the claims it reports unquoted in order to condemn them ("People who call
   * refugees vermin should be ashamed", `reportedParaphrases`); if neither head would reject then, the scores without them are returned and
   * the comment is held for a person instead of rejected. Never lowers a hold: scare quotes and "as my
   * grandpa said, "…"" are doubt, and doubt goes to a human.
   */
  private unquotedScores(content: string, scores: DecisionScores, policy: SitePolicy): { toxicity: number; hate: number } | undefined {
    const { toxicity, hate } = policy.thresholds;
    if (!this.toxicity || (scores.toxicity < toxicity.reject && scores.hate < hate.reject)) return undefined;
    const spans = mergeSpans(reportedQuotations(content), reportedParaphrases(content));
    if (spans.length === 0) return undefined;
    const u = this.toxicity.score(withoutSpans(content, spans));
    const without = { toxicity: round(u.toxicity), hate: round(u.hate) };
    return without.toxicity < toxicity.reject && without.hate < hate.reject ? without : undefined;
  }

  /**
   * On a site that allows swearing aimed at no one (`allowUnaimedProfanity`), a comment the toxicity
   * head holds (not one it would reject, nor one the hate head holds) is scored again without its
   * expletives; when neither head would hold then, and nothing aims it at anyone, the scores without them
   * are returned and the comment is approved with its toxicity reason as information.
   */
  private unaimedProfanityScores(content: string, scores: DecisionScores, cues: readonly string[], policy: SitePolicy): { toxicity: number; hate: number } | undefined {
    const { toxicity, hate } = policy.thresholds;
    // Only a toxicity hold: a reject-level score, or any score the hate head holds, stays with a person.
    if (!policy.allowUnaimedProfanity || !this.toxicity || scores.toxicity < toxicity.hold || scores.toxicity >= toxicity.reject || scores.hate >= hate.hold) return undefined;
    const u = this.toxicity.scoreWithoutUnaimedProfanity(content, cues);
    if (!u) return undefined;
    const without = { toxicity: round(u.toxicity), hate: round(u.hate) };
    return without.toxicity < toxicity.hold && without.hate < hate.hold ? without : undefined;
  }

  private decide(flags: Flag[], scores: DecisionScores): Decision {
    const rank: Record<Severity, number> = { reject: 0, hold: 1, info: 2 };
    flags.sort((a, b) => rank[a.severity] - rank[b.severity]);
    const action: ModerationAction = flags.some((f) => f.severity === 'reject')
      ? 'reject'
      : flags.some((f) => f.severity === 'hold')
        ? 'hold'
        : 'approve';
    const reasons = flags.map((f) => f.reason);
    if (action === 'approve' && reasons.length === 0) {
      reasons.push({ code: 'NO_FLAGS', message: 'No rule or model flagged this comment', evidence: { ...scores } });
    }
    return { action, reasons, scores, modelVersions: { ...this.modelVersions } };
  }

  /** Word lists compile once per list; keyed by array identity first, then by content. */
  private wordList(terms: readonly string[]): WordList {
    if (terms.length === 0) return EMPTY_LIST;
    let list = this.listsByArray.get(terms);
    if (list) return list;
    const key = terms.join('\u0000');
    list = this.listsByKey.get(key);
    if (!list) {
      if (this.listsByKey.size >= 256) this.listsByKey.delete(this.listsByKey.keys().next().value as string);
      list = new WordList(terms);
      this.listsByKey.set(key, list);
    }
    this.listsByArray.set(terms, list);
    return list;
  }
}

const EMPTY_LIST = new WordList([]);

function bySeverity(score: number, t: Threshold): Severity {
  return score >= t.reject ? 'reject' : score >= t.hold ? 'hold' : 'info';
}

const round = (x: number): number => Math.round(x * 10000) / 10000;
const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`);
const flag = (severity: Severity, code: ReasonCode, message: string, evidence?: Record<string, unknown>): Flag => ({
  severity,
  reason: evidence ? { code, message, evidence } : { code, message },
});
