import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * What the fault tests started, written down as it starts: a Jest worker that dies (or a test
 * environment whose exit hooks never run) cannot leave a broker, a service or a PostgreSQL cluster
 * behind, because the global teardown stops whatever is listed here. No path aliases: the global
 * teardown loads it.
 */
const FILE = join(resolve(__dirname, '../../..'), '.cache/faults/started.jsonl');

type Entry = { pid: number; match: string } | { pgData: string };

export function recordStarted(entry: Entry): void {
  mkdirSync(join(FILE, '..'), { recursive: true });
  appendFileSync(FILE, `${JSON.stringify(entry)}\n`);
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/** Stops every listed process still running (only if its command line still matches) and cluster. */
export function stopLeftovers(): void {
  if (!existsSync(FILE)) return;
  const entries = readFileSync(FILE, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Entry);
  for (const entry of entries) {
    if ('pid' in entry) {
      if (!commandLine(entry.pid).includes(entry.match)) continue;
      process.stderr.write(`[faults] stopping leftover pid ${entry.pid}\n`);
      try {
        process.kill(entry.pid, 'SIGKILL');
      } catch {
        /* gone */
      }
    } else if (existsSync(join(entry.pgData, 'postmaster.pid'))) {
      process.stderr.write(`[faults] stopping leftover PostgreSQL ${entry.pgData}\n`);
      try {
        const pgCtl = '/usr/lib/postgresql/15/bin/pg_ctl';
        const args = ['-D', entry.pgData, '-m', 'immediate', '-w', 'stop'];
        if (process.getuid?.() === 0) execFileSync('runuser', ['-u', 'postgres', '--', pgCtl, ...args]);
        else execFileSync(pgCtl, args);
      } catch {
        /* not running */
      }
      rmSync(join(entry.pgData, '..'), { recursive: true, force: true });
    }
  }
  rmSync(FILE, { force: true });
}
