import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import pino from 'pino';
import { LOG_FLUSH_INTERVAL_MS, logDestination } from './logging.module';

const read = (file: string): string => {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('logDestination', () => {
  const dir = mkdtempSync(join(tmpdir(), 'replyguard-logdest-'));

  it('with no buffer, writes each line before the call returns', () => {
    const file = join(dir, 'sync.log');
    pino(logDestination(file, 0)).info('first');
    expect(read(file)).toContain('"msg":"first"');
  });

  it('with a buffer, gathers short lines and writes them within the flush interval', async () => {
    const file = join(dir, 'buffered.log');
    const logger = pino(logDestination(file, 4096));
    logger.info('one');
    logger.info('two');
    expect(read(file)).not.toContain('"msg":"one"');
    await sleep(LOG_FLUSH_INTERVAL_MS * 3);
    const lines = read(file).trim().split('\n');
    expect(lines.map((l) => (JSON.parse(l) as { msg: string }).msg)).toEqual(['one', 'two']);
  });

  it('with a buffer, writes what is buffered when the process exits at once', () => {
    const file = join(dir, 'exit.log');
    const script = [
      `const { logDestination } = require(${JSON.stringify(resolve(__dirname, 'logging.module'))});`,
      `const logger = require('pino')(logDestination(${JSON.stringify(file)}, 16000));`,
      `for (let i = 0; i < 100; i++) logger.info({ i }, 'line');`,
      'process.exit(3);',
    ].join('\n');
    expect(() =>
      execFileSync(process.execPath, ['--import', 'tsx', '-e', script], {
        cwd: resolve(__dirname, '../../../..'),
      }),
    ).toThrow(expect.objectContaining({ status: 3 }));
    const lines = read(file).trim().split('\n');
    expect(lines).toHaveLength(100);
    expect((JSON.parse(lines[99]) as { i: number }).i).toBe(99);
  });
});
