import { registerAs, type ConfigType } from '@nestjs/config';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { getMetadataStorage, validateSync } from 'class-validator';

/** Raised at start-up when the environment does not describe a runnable service. */
export class ConfigError extends Error {
  readonly code = 'CONFIG_INVALID';
}

/**
 * Builds a typed config object from the environment, validated by a class-validator class. The
 * class's properties are the environment variables; `toConfig` shapes them for the code.
 */
export function loadConfig<TEnv extends object, TConfig>(
  envClass: ClassConstructor<TEnv>,
  toConfig: (env: TEnv) => TConfig,
  source: NodeJS.ProcessEnv = process.env,
): TConfig {
  const env = plainToInstance(envClass, { ...source }, { exposeDefaultValues: true });
  const errors = validateSync(env, { whitelist: true, skipMissingProperties: false });
  if (errors.length > 0) {
    const lines = errors.flatMap((e) => Object.values(e.constraints ?? {}).map((m) => `${e.property}: ${m}`));
    throw new ConfigError(`Invalid configuration:\n  ${lines.join('\n  ')}`);
  }
  return toConfig(env);
}

/**
 * `registerAs` over `loadConfig`: one namespace per area, read through `ConfigType<typeof x>`. The
 * area keeps its class, so the variables it reads can be listed (`configVariables`).
 */
export function configArea<TEnv extends object, TConfig extends Record<string, unknown>>(
  namespace: string,
  envClass: ClassConstructor<TEnv>,
  toConfig: (env: TEnv) => TConfig,
) {
  return Object.assign(
    registerAs(namespace, (): TConfig => loadConfig(envClass, toConfig)),
    { envClass },
  );
}

/** The environment variables a config area reads: its class's validated properties. */
export function configVariables(area: { envClass: ClassConstructor<object> }): string[] {
  const metadata = getMetadataStorage().getTargetValidationMetadatas(area.envClass, '', true, false);
  return [...new Set(metadata.map((m) => m.propertyName))].sort();
}

export type { ConfigType };
