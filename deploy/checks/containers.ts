import { z } from 'zod';
import { CONFIG_VARIABLES, configSchema, loadConfig } from '../../libs/config/src';

/** What the image runs, chosen by its first argument (deploy/docker-entrypoint.sh). */
export const ROLES = ['api', 'worker', 'migrate', 'setup-temporal'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The variables each command cannot start without; a list names alternatives (one of them). Each must be
 * a configuration variable without a default: see apps/api/src/main.ts, temporal-worker.service.ts,
 * scripts/migrate.ts and scripts/setup-temporal.ts for where their absence stops start-up.
 */
export const REQUIRED_VARIABLES: Record<Role, (string | string[])[]> = {
  api: [
    'DATABASE_URL',
    'TEMPORAL_ADDRESS',
    ['PAYLOAD_KEYS', 'PAYLOAD_KEYS_FILE'],
    ['BLIND_INDEX_KEY', 'BLIND_INDEX_KEY_FILE'],
  ],
  worker: ['DATABASE_URL', 'TEMPORAL_ADDRESS', ['PAYLOAD_KEYS', 'PAYLOAD_KEYS_FILE']],
  migrate: ['DATABASE_URL', 'MIGRATION_DATABASE_URL'],
  'setup-temporal': ['TEMPORAL_ADDRESS'],
};

/** Variables holding the path of key material: each must point at a file of a mounted secret. */
export const SECRET_FILE_VARIABLES = [
  'PAYLOAD_KEYS_FILE',
  'BLIND_INDEX_KEY_FILE',
  'TEMPORAL_TLS_CERT_PATH',
  'TEMPORAL_TLS_KEY_PATH',
  'TEMPORAL_TLS_CA_PATH',
];

/** Node's own variables, set for the runtime rather than the engine. */
export const RUNTIME_VARIABLES = ['NODE_ENV', 'NODE_OPTIONS'];

/** One container of the engine's image as a deployment file defines it. */
export interface EngineContainer {
  /** Where it is defined, for messages: file and service or workload. */
  where: string;
  /** The entry point's first argument as given; a valid role when the file is right. */
  command: string;
  /** The variables it gets and their values, as the container would see them (image ENV included). */
  env: Record<string, string>;
  /** Absolute paths of the files its mounted secrets provide. */
  secretFiles: string[];
  /** Ports the container is declared to listen on (API only). */
  ports: number[];
}

export function isRole(command: string): command is Role {
  return (ROLES as readonly string[]).includes(command);
}

/** Everything wrong with one container's command and environment; empty when it would start. */
export function containerProblems(container: EngineContainer): string[] {
  const { where, command, env } = container;
  if (!isRole(command))
    return [`${where}: unknown command ${JSON.stringify(command)} (one of ${ROLES.join(', ')})`];
  const problems: string[] = [];
  for (const name of Object.keys(env)) {
    if (!CONFIG_VARIABLES.includes(name) && !RUNTIME_VARIABLES.includes(name)) {
      problems.push(`${where}: ${name} is not a configuration variable (libs/config CONFIG_VARIABLES)`);
    }
  }
  for (const requirement of REQUIRED_VARIABLES[command]) {
    const names = typeof requirement === 'string' ? [requirement] : requirement;
    const given = names.filter((name) => (env[name] ?? '').trim() !== '');
    if (given.length === 0) problems.push(`${where}: ${command} needs ${names.join(' or ')}`);
    if (given.length > 1) problems.push(`${where}: set either ${names.join(' or ')}, not both`);
  }
  for (const name of SECRET_FILE_VARIABLES) {
    if (env[name] !== undefined && !container.secretFiles.includes(env[name])) {
      problems.push(`${where}: ${name}=${env[name]} is no file of a secret mounted in this container`);
    }
  }
  const config = parsedConfig(where, env, problems);
  if (config && command === 'api') {
    if (['127.0.0.1', 'localhost', '::1'].includes(config.HOST)) {
      problems.push(`${where}: HOST=${config.HOST} is unreachable from outside the container`);
    }
    if (container.ports.length > 0 && !container.ports.includes(config.PORT)) {
      problems.push(
        `${where}: the API listens on PORT ${config.PORT}, the file declares ${container.ports.join(', ')}`,
      );
    }
  }
  return problems;
}

/** The configuration as the app would load it: a bad value (a port, a log level, a key ring) is a problem. */
function parsedConfig(where: string, env: Record<string, string>, problems: string[]) {
  try {
    return loadConfig(env);
  } catch (error) {
    problems.push(`${where}: ${error instanceof Error ? error.message : String(error)}`);
    return undefined;
  }
}

/** A required variable must be one the configuration knows and gives no default (else requiring it is moot). */
export function requirementsWithoutSchemaDefault(): string[] {
  const wrong: string[] = [];
  for (const name of Object.values(REQUIRED_VARIABLES).flat(2)) {
    const field = (configSchema.shape as Record<string, z.ZodType | undefined>)[name];
    if (!field) wrong.push(`${name} is not a configuration variable`);
    else if (field.safeParse(undefined).data !== undefined) wrong.push(`${name} has a default`);
  }
  return wrong;
}

/** Containers of one deployment flavour must agree on where the work is (call on containers without problems). */
export function disagreements(containers: EngineContainer[], names: string[]): string[] {
  const problems: string[] = [];
  for (const name of names) {
    const values = new Set(
      containers.map((container) =>
        String(loadConfig(container.env)[name as keyof ReturnType<typeof loadConfig>]),
      ),
    );
    if (values.size > 1) problems.push(`${name} differs between containers: ${[...values].join(', ')}`);
  }
  return problems;
}
