/**
 * No Docker engine runs where this project is developed, so the image and the compose file are
 * checked against the code here instead: the environment compose gives each service passes that
 * service's own config validation in production, every variable it sets is one the service reads,
 * and every path the Dockerfile and compose name exists (and is not filtered out of the build context).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ClassConstructor } from 'class-transformer';
import { parse } from 'yaml';
import { ConfigError, configVariables, databaseConfig, SHARED_CONFIG_AREAS } from '@replyguard/platform';
import { articlesConfigAreas } from '../apps/articles/src/config/articles.config';
import { ingestConfigAreas } from '../apps/ingest/src/config/ingest.config';
import { moderationConfigAreas } from '../apps/moderation/src/config/moderation.config';
import { webhooksConfigAreas } from '../apps/webhooks/src/config/webhooks.config';

const ROOT = join(__dirname, '..');
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8');

type Env = Record<string, string>;
/** A config area: validates the environment when called, and names the class it validates with. */
interface Area {
  (): unknown;
  envClass: ClassConstructor<object>;
}
interface ComposeService {
  environment?: Record<string, string | number | boolean | null>;
  ports?: string[];
  command?: string[] | string;
  build?: { context: string; dockerfile: string };
}

const SERVICES: Record<string, { areas: readonly Area[]; portVariable: string }> = {
  ingest: { areas: ingestConfigAreas, portVariable: 'INGEST_PORT' },
  moderation: { areas: moderationConfigAreas, portVariable: 'MODERATION_PORT' },
  articles: { areas: articlesConfigAreas, portVariable: 'ARTICLES_PORT' },
  webhooks: { areas: webhooksConfigAreas, portVariable: 'WEBHOOKS_PORT' },
};

/** A value that meets every rule on secrets and tokens here (16+ characters, hex where asked). */
const SECRET = 'a1'.repeat(32);

/**
 * Compose interpolation as `docker compose` does it for what this file uses: `${X:?message}` must be
 * given (the operator's secret: a valid one stands in), `${X:-default}` falls back to its default.
 */
function interpolate(value: string, given: Env): string {
  return value.replace(
    /\$\{([A-Z0-9_]+)(?::([?-])([^}]*))?\}/g,
    (_, name: string, op?: string, rest?: string) => {
      if (name in given) return given[name];
      if (op === '?') return SECRET;
      return op === '-' ? (rest ?? '') : '';
    },
  );
}

function composeServices(): Record<string, ComposeService> {
  const doc = parse(read('docker/compose.yaml'), { merge: true }) as {
    services: Record<string, ComposeService>;
  };
  return doc.services;
}

function composeEnv(service: ComposeService, given: Env = {}): Env {
  const env: Env = {};
  for (const [key, value] of Object.entries(service.environment ?? {})) {
    env[key] = interpolate(value === null ? '' : String(value), given);
  }
  return env;
}

/** The runtime stage's `ENV` instructions (line continuations joined; `${SERVICE}` is the build arg's default). */
function imageEnv(): Env {
  const dockerfile = read('docker/Dockerfile').replace(/\\\n/g, ' ');
  const runtime = dockerfile.slice(dockerfile.indexOf(' AS runtime'));
  const service = /ARG SERVICE=(\S+)/.exec(runtime)?.[1] ?? '';
  const env: Env = {};
  for (const line of runtime.split('\n').filter((l) => l.startsWith('ENV '))) {
    for (const [, key, value] of line.slice(4).matchAll(/([A-Z0-9_]+)=(\S+)/g)) {
      env[key] = value.replace('${SERVICE}', service);
    }
  }
  return env;
}

/** Runs config areas against `env` as if it were the process environment (they throw ConfigError). */
function validate(areas: readonly Area[], env: Env): void {
  const saved = process.env;
  process.env = { ...env };
  try {
    for (const area of areas) area();
  } finally {
    process.env = saved;
  }
}

/** Every area a service validates at start-up: the shared ones, then its own. */
const allAreas = (name: string): Area[] => [...SHARED_CONFIG_AREAS, ...SERVICES[name].areas];

describe('docker/compose.yaml against the code', () => {
  const services = composeServices();
  const image = imageEnv();

  it('runs every service the image can run, each named and published on its configured port', () => {
    const runnable = /case \\"\$REPLYGUARD_SERVICE\\" in ([a-z|]+)\)/
      .exec(read('docker/Dockerfile'))?.[1]
      .split('|');
    expect(runnable?.sort()).toEqual(Object.keys(SERVICES).sort());
    for (const [name, { areas, portVariable }] of Object.entries(SERVICES)) {
      const service = services[name];
      expect(service).toBeDefined();
      expect(composeEnv(service).REPLYGUARD_SERVICE).toBe(name);
      expect(service.build?.dockerfile).toBe('docker/Dockerfile');
      const port = areas.flatMap((a) => (configVariables(a).includes(portVariable) ? [a.envClass] : []))[0];
      expect(port).toBeDefined();
      const defaultPort = String((new port() as unknown as Record<string, unknown>)[portVariable]);
      expect(service.ports).toEqual([`${defaultPort}:${defaultPort}`]);
    }
  });

  it.each(Object.keys(SERVICES))('gives %s an environment its config accepts in production', (name) => {
    const env = { ...image, ...composeEnv(services[name]) };
    expect(env.NODE_ENV).toBe('production');
    expect(() => validate(allAreas(name), env)).not.toThrow();
  });

  it.each(Object.keys(SERVICES))('demands of the operator exactly what %s cannot start without', (name) => {
    const env = { ...image, ...composeEnv(services[name]) };
    const demanded = Object.entries(services[name].environment ?? {})
      .filter(([, v]) => /\$\{[A-Z0-9_]+:\?/.test(String(v)))
      .map(([k]) => k);
    // Without one of these (so with its development default, or none) the service refuses to start.
    const needed = Object.keys(env).filter((key) => {
      const without = { ...env };
      delete without[key];
      try {
        validate(allAreas(name), without);
        return false;
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return true;
      }
    });
    expect(demanded.sort()).toEqual(needed.sort());
  });

  it.each(Object.keys(SERVICES))('sets only variables %s reads', (name) => {
    const known = new Set(allAreas(name).flatMap((a) => configVariables(a)));
    // Read by the image itself: its CMD picks the service by it.
    const unknown = Object.keys(composeEnv(services[name])).filter(
      (k) => !known.has(k) && k !== 'REPLYGUARD_SERVICE',
    );
    expect(unknown).toEqual([]);
  });

  it('sets in the image only variables some service reads', () => {
    const known = new Set(
      Object.keys(SERVICES).flatMap((name) => allAreas(name).flatMap((a) => configVariables(a))),
    );
    // The CMD's service switch, kafkajs's own switch for its partitioner warning, and npm's settings
    // for the `npm ci` of the runtime stage.
    const readElsewhere =
      /^(REPLYGUARD_SERVICE|KAFKAJS_NO_PARTITIONER_WARNING|SCARF_ANALYTICS|NPM_CONFIG_[A-Z_]+)$/;
    const unknown = Object.keys(image).filter((k) => !known.has(k) && !readElsewhere.test(k));
    expect(unknown).toEqual([]);
  });

  it('gives the migration step the database it needs and data sources that exist', () => {
    const migrate = services.migrate;
    const env = composeEnv(migrate);
    expect(env.NODE_ENV).toBe('production');
    expect(() => validate([databaseConfig], env)).not.toThrow();
    expect(() => validate([databaseConfig], { ...env, DATABASE_URL: '' })).toThrow(ConfigError);
    const command = Array.isArray(migrate.command) ? migrate.command.join(' ') : (migrate.command ?? '');
    const dataSources = [
      ...command.matchAll(/dist\/apps\/([a-z]+)\/apps\/\1\/src\/database\/data-source\.js/g),
    ].map((m) => m[1]);
    expect(dataSources.sort()).toEqual(Object.keys(SERVICES).sort());
    for (const app of dataSources)
      expect(existsSync(join(ROOT, `apps/${app}/src/database/data-source.ts`))).toBe(true);
  });
});

describe('docker/Dockerfile against the repository', () => {
  const dockerfile = read('docker/Dockerfile').replace(/\\\n/g, ' ');
  const ignored = read('docker/Dockerfile.dockerignore')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#') && !l.includes('*'));

  it('copies only paths that exist and that the build context keeps', () => {
    const sources = [...dockerfile.matchAll(/^COPY (?!--from)(.+)$/gm)].flatMap((m) =>
      m[1].trim().split(/\s+/).slice(0, -1),
    );
    expect(sources.length).toBeGreaterThan(5);
    for (const source of sources) {
      expect({ source, exists: existsSync(join(ROOT, source)) }).toEqual({ source, exists: true });
      const dropped = ignored.find((p) => source === p || source.startsWith(`${p}/`));
      expect({ source, droppedBy: dropped }).toEqual({ source, droppedBy: undefined });
    }
  });

  it('copies every folder of static files a service serves (the console, the demo page, the widget)', () => {
    // The services read them from the sources' place, not from dist/ (tsc copies no .mjs, .js or .css).
    const served = ['apps/moderation/console'];
    for (const file of ['apps/articles/src/demo/demo-assets.ts', 'apps/articles/src/embed/embed-assets.ts']) {
      const m = /const RELATIVE = join\(([^)]*)\)/.exec(read(file));
      expect({ file, found: m !== null }).toEqual({ file, found: true });
      served.push([...m![1].matchAll(/'([^']+)'/g)].map((x) => x[1]).join('/'));
    }
    for (const dir of served) {
      expect({ dir, copied: dockerfile.includes(`COPY ${dir} ./${dir}`) }).toEqual({ dir, copied: true });
    }
  });

  it('starts each service from the entry point nest builds for it', () => {
    const cmd =
      /exec node [^"]*\\"dist\/apps\/\$REPLYGUARD_SERVICE\/apps\/\$REPLYGUARD_SERVICE\/src\/main\.js\\"/.exec(
        dockerfile,
      );
    expect(cmd).not.toBeNull();
    const nest = JSON.parse(read('nest-cli.json')) as {
      projects: Record<string, { entryFile?: string; sourceRoot: string }>;
    };
    for (const name of Object.keys(SERVICES)) {
      expect(nest.projects[name]?.sourceRoot).toBe(`apps/${name}/src`);
      expect(existsSync(join(ROOT, `apps/${name}/src/main.ts`))).toBe(true);
      expect(dockerfile).toContain(`npx nest build ${name}`);
    }
  });

  it('points MODELS_DIR at the models it copies', () => {
    expect(imageEnv().MODELS_DIR).toBe('/app/libs/moderation-engine/models');
    expect(dockerfile).toMatch(/^COPY libs\/moderation-engine\/models \.\/libs\/moderation-engine\/models$/m);
    expect(existsSync(join(ROOT, 'libs/moderation-engine/models/manifest.json'))).toBe(true);
  });
});
