import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

const ASSETS = join(__dirname, 'assets');

/**
 * Evaluates expressions against the widget's modules (`strings`: widget-strings.mjs, `dom`:
 * comment-dom.mjs) in Node, which loads them as browsers do, as ES modules: Jest loads only
 * CommonJS, and never an .mjs. Gives back each expression's JSON value.
 */
function evaluate(expressions: Record<string, string>): Record<string, unknown> {
  const script = [
    `import * as strings from ${JSON.stringify(pathToFileURL(join(ASSETS, 'widget-strings.mjs')).href)};`,
    `import * as dom from ${JSON.stringify(pathToFileURL(join(ASSETS, 'comment-dom.mjs')).href)};`,
    'const out = {};',
    ...Object.entries(expressions).map(([name, e]) => `out[${JSON.stringify(name)}] = ${e};`),
    'process.stdout.write(JSON.stringify(out));',
  ].join('\n');
  const output = execFileSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  return JSON.parse(output) as Record<string, unknown>;
}

const js = (value: unknown) => JSON.stringify(value);
/** ICU versions differ on which no-break space goes in "4:51 AM" or "1 000 000": any is right. */
const spaces = (text: unknown) => String(text).replace(/[\u00a0\u202f]/g, ' ');

describe('widget-strings.mjs', () => {
  it("chooses data-lang, else the page's language, by its primary subtag, else English", () => {
    const cases: [string | null, string | null, { language: string; locale: string }][] = [
      [null, null, { language: 'en', locale: 'en-US' }],
      ['', '', { language: 'en', locale: 'en-US' }],
      [null, 'de', { language: 'de', locale: 'de-DE' }],
      ['fr', 'de', { language: 'fr', locale: 'fr-FR' }],
      ['  ', 'fr', { language: 'fr', locale: 'fr-FR' }],
      ['', 'de-AT', { language: 'de', locale: 'de-AT' }],
      ['FR-ca', 'en', { language: 'fr', locale: 'fr-CA' }],
      ['de_CH', null, { language: 'de', locale: 'de-CH' }],
      ['de-', null, { language: 'de', locale: 'de-DE' }],
      ['en-GB', 'de', { language: 'en', locale: 'en-GB' }],
      // A language we have no words for is English, not the next one down: the site chose it.
      ['es', 'de', { language: 'en', locale: 'en-US' }],
      [null, 'es-MX', { language: 'en', locale: 'en-US' }],
      [null, 'x-klingon', { language: 'en', locale: 'en-US' }],
    ];
    const result = evaluate(
      Object.fromEntries(
        cases.map(([requested, inherited], i) => [
          i,
          `strings.chooseLanguage(${js(requested)}, ${js(inherited)})`,
        ]),
      ),
    );
    expect(cases.map(([requested, inherited], i) => ({ requested, inherited, chosen: result[i] }))).toEqual(
      cases.map(([requested, inherited, chosen]) => ({ requested, inherited, chosen })),
    );
  });

  it("counts comments in each language's plural forms and digits", () => {
    const counts: [string, string, number, string][] = [
      ['en', 'en-US', 1, '1 Comment'],
      ['en', 'en-US', 4, '4 Comments'],
      ['en', 'en-US', 1234, '1,234 Comments'],
      ['de', 'de-DE', 1, '1 Kommentar'],
      ['de', 'de-DE', 4, '4 Kommentare'],
      ['de', 'de-DE', 1234, '1.234 Kommentare'],
      // French counts 0 and 1 as one, and a million takes "de".
      ['fr', 'fr-FR', 0, '0 commentaire'],
      ['fr', 'fr-FR', 1, '1 commentaire'],
      ['fr', 'fr-FR', 2, '2 commentaires'],
      ['fr', 'fr-FR', 1000000, '1 000 000 de commentaires'],
    ];
    const result = evaluate(
      Object.fromEntries(
        counts.map(([language, locale, n], i) => [
          i,
          `strings.plural(${js(locale)}, strings.STRINGS.${language}.commentCount, ${n})`,
        ]),
      ),
    );
    expect(counts.map((_, i) => spaces(result[i]))).toEqual(counts.map(([, , , text]) => text));
  });

  it('says how long Retry-After says to wait, in seconds under a minute, else in whole minutes', () => {
    const waits: [string, string, number, string][] = [
      ['en', 'en-US', 1, '1 second'],
      ['en', 'en-US', 42, '42 seconds'],
      ['en', 'en-US', 60, '1 minute'],
      ['en', 'en-US', 61, '2 minutes'],
      ['de', 'de-DE', 1, '1 Sekunde'],
      ['de', 'de-DE', 42, '42 Sekunden'],
      ['de', 'de-DE', 120, '2 Minuten'],
      ['fr', 'fr-FR', 1.5, '2 secondes'],
      ['fr', 'fr-FR', 42, '42 secondes'],
      ['fr', 'fr-FR', 60, '1 minute'],
    ];
    const result = evaluate(
      Object.fromEntries(
        waits.map(([language, locale, seconds], i) => [
          i,
          `strings.waitText(strings.STRINGS.${language}, ${js(locale)}, ${seconds})`,
        ]),
      ),
    );
    expect(waits.map((_, i) => result[i])).toEqual(waits.map(([, , , text]) => text));
  });

  it('gives every language every text, with the placeholders the English one has', () => {
    const { tables } = evaluate({ tables: 'strings.STRINGS' }) as { tables: Record<string, unknown> };
    expect(Object.keys(tables).sort()).toEqual(['de', 'en', 'fr']);
    /** Every leaf of a table by its path, as the placeholders it holds. */
    const leaves = (value: unknown, path = ''): Record<string, string[]> =>
      typeof value === 'string'
        ? { [path]: [...value.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort() }
        : Object.fromEntries(
            Object.entries(value as Record<string, unknown>)
              // A language's own plural categories (French "many") are not English's.
              .filter(([key]) => !['zero', 'two', 'few', 'many'].includes(key))
              .flatMap(([key, v]) => Object.entries(leaves(v, `${path}.${key}`))),
          );
    const english = leaves(tables.en);
    for (const language of ['de', 'fr'])
      expect({ language, ...leaves(tables[language]) }).toEqual({ language, ...english });
  });

  it('fills placeholders and leaves unknown ones as they are', () => {
    expect(
      evaluate({
        filled: `strings.fill('Reply to {name}', { name: 'Ann {x}' })`,
        unknown: `strings.fill('Wait {wait}', {})`,
      }),
    ).toEqual({ filled: 'Reply to Ann {x}', unknown: 'Wait {wait}' });
  });

  it("dates a comment in the reader's locale, the demo page's en-US by default", () => {
    const iso = '2026-11-29T04:51:00.000Z';
    const dates = evaluate({
      demo: `dom.formatDate(${js(iso)})`,
      de: `dom.formatDate(${js(iso)}, 'de-DE')`,
      fr: `dom.formatDate(${js(iso)}, 'fr-FR')`,
    });
    expect(Object.fromEntries(Object.entries(dates).map(([k, v]) => [k, spaces(v)]))).toEqual({
      demo: 'November 29, 2026 at 4:51 AM UTC',
      de: '29. November 2026 um 04:51 UTC',
      fr: '29 novembre 2026 à 04:51 UTC',
    });
  });
});
