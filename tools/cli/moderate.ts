/**
 * `npm run moderate -- --input <file.jsonl> [--models <dir>]` (or JSON lines on stdin): one submission a
 * line, `{"id","content","authorName"?,"authorEmail"?,"authorUrl"?,"siteId"?}`; writes one line per input,
 * `{"id","action","spam","toxicity","hate","reasons":[{code,message,signals?}]}`, at the default site policy.
 * Streams with backpressure, so 100,000 lines need no more memory than one. Comments/s go to stderr.
 */
import { createReadStream } from 'node:fs';
import { once } from 'node:events';
import { createInterface } from 'node:readline';
import { DEFAULT_SITE_POLICY, ModerationEngine } from '@replyguard/moderation-engine';
import { fail, flag } from './args';

interface InputLine {
  id?: unknown;
  content?: unknown;
  authorName?: unknown;
  authorEmail?: unknown;
  authorUrl?: unknown;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

async function main(): Promise<void> {
  const input = flag(process.argv, '--input');
  const engine = ModerationEngine.load(flag(process.argv, '--models'));
  const stream = input && input !== '-' ? createReadStream(input, { encoding: 'utf8' }) : process.stdin;
  stream.on('error', (e: Error) => fail(`cannot read ${input}: ${e.message}`));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  const start = process.hrtime.bigint();
  let count = 0;
  let errors = 0;
  for await (const line of lines) {
    if (line.trim() === '') continue;
    let out: Record<string, unknown>;
    try {
      const s = JSON.parse(line) as InputLine;
      if (typeof s.content !== 'string') throw new Error('content must be a string');
      const d = engine.moderate(
        {
          content: s.content,
          authorName: str(s.authorName),
          authorEmail: str(s.authorEmail),
          authorUrl: str(s.authorUrl),
        },
        DEFAULT_SITE_POLICY,
      );
      out = {
        id: s.id ?? null,
        action: d.action,
        spam: d.scores.spam,
        toxicity: d.scores.toxicity,
        hate: d.scores.hate,
        // What kind of toxicity the model saw, when it saw any ("threat-to-reader", "doxxing", …).
        reasons: d.reasons.map((r) =>
          Array.isArray(r.evidence?.signals)
            ? { code: r.code, message: r.message, signals: r.evidence.signals }
            : { code: r.code, message: r.message },
        ),
      };
    } catch (e) {
      errors++;
      out = { id: idOf(line), error: (e as Error).message };
    }
    count++;
    if (!process.stdout.write(JSON.stringify(out) + '\n')) await once(process.stdout, 'drain');
    if (count % 50_000 === 0) report(count, start, errors);
  }
  report(count, start, errors);
}

function idOf(line: string): unknown {
  try {
    return (JSON.parse(line) as InputLine).id ?? null;
  } catch {
    return null;
  }
}

function report(count: number, start: bigint, errors: number): void {
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  process.stderr.write(
    `${count} comments in ${seconds.toFixed(2)} s: ${Math.round(count / Math.max(seconds, 1e-9))} comments/s${errors ? `, ${errors} unreadable lines` : ''}\n`,
  );
}

// A closed pipe (`... | head`) is a normal way to stop reading.
process.stdout.on('error', (e: NodeJS.ErrnoException) =>
  e.code === 'EPIPE' ? process.exit(0) : fail(e.message),
);
main().catch((e: Error) => fail(e.message));
