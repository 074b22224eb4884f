import type { Decision, DecisionReason, EngineContext, EngineSubmission, ModerationAction } from './decision';
import type { SitePolicy } from './policy';
import { WordList } from './rules/word-list';
import { collapseRepeats, foldTokens } from './text/fold';
import { extractLinks } from './text/links';
import { defaultModelsDir } from './models-path';

/** Content beyond this many characters is not analysed (it is still stored by the caller). */
export const MAX_ANALYSED_CHARS = 20_000;

type Severity = 'reject' | 'hold' | 'info';
interface Flag {
  severity: Severity;
  reason: DecisionReason;
}

/**
 * Decides approve / hold / reject for one comment, with reasons. Pure and synchronous: load it once at
 * start-up, then call `moderate` per submission with the site's policy and the facts the caller looked up.
 */
export class ModerationEngine {
  readonly modelVersions: Record<string, string>;
  private readonly wordLists = new Map<string, WordList>();

  private constructor(modelVersions: Record<string, string>) {
    this.modelVersions = Object.freeze({ ...modelVersions });
  }

  /** Loads the committed models once (synchronous; call at start-up). Default: `defaultModelsDir()`. */
  static load(modelsDir: string = defaultModelsDir()): ModerationEngine {
    void modelsDir;
    return new ModerationEngine({});
  }

  moderate(s: EngineSubmission, policy: SitePolicy, ctx: EngineContext = {}): Decision {
    const content = (s.content ?? '').slice(0, MAX_ANALYSED_CHARS);
    const flags: Flag[] = [];

    const links = extractLinks(content);
    if (links.count > policy.maxLinks) {
      flags.push(hold('LINKS_OVER_LIMIT', `${links.count} links, the site allows ${policy.maxLinks}`, {
        links: links.count,
        maxLinks: policy.maxLinks,
        domains: links.domains.slice(0, 10),
      }));
    }

    const tokens = foldTokens(content).map(collapseRepeats);
    const banned = this.wordList(policy.bannedWords).matchTokens(tokens);
    if (banned.length > 0) {
      flags.push(reject('BANNED_WORD', `Contains banned ${plural(banned.length, 'word')}: ${banned.join(', ')}`, { terms: banned }));
    }

    return this.decide(flags, { spam: 0, toxicity: 0, hate: 0 });
  }

  private decide(flags: Flag[], scores: Decision['scores']): Decision {
    const rank: Record<Severity, number> = { reject: 0, hold: 1, info: 2 };
    flags.sort((a, b) => rank[a.severity] - rank[b.severity]);
    const action: ModerationAction = flags.some((f) => f.severity === 'reject')
      ? 'reject'
      : flags.some((f) => f.severity === 'hold')
        ? 'hold'
        : 'approve';
    const reasons = flags.map((f) => f.reason);
    if (action === 'approve' && reasons.length === 0) {
      reasons.push({ code: 'NO_FLAGS', message: 'No rule or model flagged this comment' });
    }
    return { action, reasons, scores, modelVersions: { ...this.modelVersions } };
  }

  /** Word lists are compiled once per distinct list; sites change lists rarely, so a small cache suffices. */
  private wordList(terms: readonly string[]): WordList {
    if (terms.length === 0) return EMPTY_LIST;
    const key = terms.join('\u0000');
    let list = this.wordLists.get(key);
    if (!list) {
      if (this.wordLists.size >= 256) this.wordLists.delete(this.wordLists.keys().next().value as string);
      list = new WordList(terms);
      this.wordLists.set(key, list);
    }
    return list;
  }
}

const EMPTY_LIST = new WordList([]);

const plural = (n: number, word: string): string => (n === 1 ? word : `${word}s`);
const hold = (code: DecisionReason['code'], message: string, evidence?: Record<string, unknown>): Flag => ({
  severity: 'hold',
  reason: { code, message, evidence },
});
const reject = (code: DecisionReason['code'], message: string, evidence?: Record<string, unknown>): Flag => ({
  severity: 'reject',
  reason: { code, message, evidence },
});
