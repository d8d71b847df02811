import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  composeEngineContainers,
  composeSchemaErrors,
  danglingDependencies,
  interpolateFile,
  mergeComposeFiles,
  readComposeFile,
  readEnvFile,
} from './checks/compose';
import {
  containerProblems,
  disagreements,
  type EngineContainer,
  REQUIRED_VARIABLES,
  requirementsWithoutSchemaDefault,
  ROLES,
} from './checks/containers';
import { runtimeImageEnv } from './checks/dockerfile';
import { loadConfig, WORKER_NODE_ARGS } from '../libs/config/src';
import {
  isKustomization,
  kubernetesEngineContainers,
  type Manifest,
  otherImages,
  readManifests,
  schemaErrors,
  unknownFieldErrors,
} from './checks/kubernetes';

/**
 * The deployment files checked without a container engine: Compose files against the compose-spec
 * schema, Kubernetes manifests against the Kubernetes 1.33 schemas (strict field names), and every
 * container of the engine's image for the variables it sets and needs (libs/config).
 */
const DEPLOY = __dirname;
const COMPOSE_FILES = ['compose.yaml', 'compose.bundled.yaml'];
const IMAGE = 'petition-case-engine';
const imageEnv = runtimeImageEnv(fs.readFileSync(path.join(DEPLOY, 'Dockerfile'), 'utf8'));
const allProblems = (containers: EngineContainer[]) => containers.flatMap(containerProblems);

/** Workers run as `npm start` runs its worker: the measured heap cap with the cache it was measured with. */
function workerSizing(containers: EngineContainer[]) {
  return containers
    .filter((container) => container.command === 'worker')
    .map((container) => [container.env.NODE_OPTIONS, container.env.WORKER_MAX_CACHED_WORKFLOWS]);
}
const NPM_START_WORKER = [WORKER_NODE_ARGS.join(' '), String(loadConfig({}).WORKER_MAX_CACHED_WORKFLOWS)];

describe('the runtime image', () => {
  it('sets only configuration variables, listening beyond loopback and using the prebuilt workflow bundle', () => {
    expect(imageEnv).toMatchObject({ HOST: '0.0.0.0', WORKFLOW_BUNDLE_PATH: '/app/dist/workflow-bundle.js' });
    const entrypoint = fs.readFileSync(path.join(DEPLOY, 'docker-entrypoint.sh'), 'utf8');
    for (const role of ROLES) expect(entrypoint).toMatch(new RegExp(`^\\s*${role}\\) exec node `, 'm'));
  });

  it('requires only variables the configuration schema gives no default', () => {
    expect(requirementsWithoutSchemaDefault()).toEqual([]);
    expect(Object.keys(REQUIRED_VARIABLES).sort()).toEqual([...ROLES].sort());
  });
});

describe('Compose', () => {
  const env = readEnvFile(path.join(DEPLOY, '.env.example'));
  const unresolved: string[] = [];
  const files = COMPOSE_FILES.map((name) => ({
    name,
    content: interpolateFile(readComposeFile(path.join(DEPLOY, name)), env, unresolved),
  }));
  const project = mergeComposeFiles(files.map((file) => file.content));
  const containers = composeEngineContainers(project, 'compose', imageEnv);

  it('sizes the worker as npm start does (heap cap and workflow cache)', () => {
    expect(workerSizing(containers)).toEqual([NPM_START_WORKER]);
  });

  it.each(COMPOSE_FILES)('%s is valid against the compose-spec schema', (name) => {
    expect(composeSchemaErrors(files.find((file) => file.name === name)!.content)).toEqual([]);
  });

  it('resolves every ${VARIABLE} from .env.example, whose files layer the bundled servers over the apps', () => {
    expect(unresolved).toEqual([]);
    expect(env.COMPOSE_FILE?.split(':')).toEqual(COMPOSE_FILES);
    expect(danglingDependencies(project)).toEqual([]);
  });

  it('runs two API and two worker containers and both setup commands, each with what it needs and nothing unknown', () => {
    expect(containers.map((container) => container.command).sort()).toEqual([...ROLES].sort());
    const services = project.services as Record<string, { deploy?: { replicas?: number } }>;
    expect(services.api?.deploy?.replicas).toBe(2);
    expect(services.worker?.deploy?.replicas).toBe(2);
    expect(allProblems(containers)).toEqual([]);
    expect(disagreements(containers, ['TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE'])).toEqual([]);
  });

  it('gives the schema owner’s URL to the migration only', () => {
    const holders = containers.filter((container) => 'MIGRATION_DATABASE_URL' in container.env);
    expect(holders.map((container) => container.command)).toEqual(['migrate']);
  });

  it('bites: a mistyped service key fails the schema, a mistyped variable and a missing key file fail the checks', () => {
    const broken = structuredClone(files[0]!.content);
    const api = (broken.services as Record<string, Record<string, unknown>>).api!;
    api.healtcheck = api.healthcheck;
    expect(composeSchemaErrors(broken).join('\n')).toMatch(
      /\/services\/api: .*additionalProperty":"healtcheck"/,
    );

    const apiContainer = containers.find((container) => container.command === 'api')!;
    const { DATABASE_URL, ...rest } = apiContainer.env;
    const typo = { ...apiContainer, env: { ...rest, DATABSE_URL: DATABASE_URL! } };
    expect(containerProblems(typo)).toEqual([
      expect.stringMatching(/DATABSE_URL is not a configuration variable/),
      expect.stringMatching(/api needs DATABASE_URL$/),
    ]);
    const unmounted = {
      ...apiContainer,
      secretFiles: apiContainer.secretFiles.filter((file) => !file.endsWith('blind-index.key')),
    };
    expect(containerProblems(unmounted)).toEqual([
      expect.stringMatching(
        /BLIND_INDEX_KEY_FILE=\/run\/secrets\/blind-index.key is no file of a secret mounted/,
      ),
    ]);
    expect(containerProblems({ ...apiContainer, env: { ...apiContainer.env, PORT: 'http' } })).toEqual([
      expect.stringMatching(/invalid configuration: PORT/),
    ]);
  });
});

describe('Kubernetes', () => {
  const all = readManifests(path.join(DEPLOY, 'k8s'));
  const kustomizations = all.filter(isKustomization);
  const manifests = all.filter((manifest) => !isKustomization(manifest));
  const containers = kubernetesEngineContainers(manifests, IMAGE, imageEnv);

  it('sizes the worker as npm start does (heap cap and workflow cache)', () => {
    expect(workerSizing(containers)).toEqual([NPM_START_WORKER]);
  });

  it('every object is valid against the Kubernetes 1.33 schema', () => {
    expect(manifests.length).toBeGreaterThanOrEqual(12);
    expect(manifests.flatMap(schemaErrors)).toEqual([]);
  });

  it('no object has a field Kubernetes 1.33 does not know', () => {
    expect(unknownFieldErrors(manifests)).toEqual([]);
  });

  it('has the workloads, their Service, disruption budgets, and a secret template with placeholders only', () => {
    const kinds = manifests.map((manifest) => `${manifest.object.kind}/${manifest.object.metadata?.name}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        'Deployment/petition-api',
        'Deployment/petition-worker',
        'Service/petition-api',
        'PodDisruptionBudget/petition-api',
        'PodDisruptionBudget/petition-worker',
        'ConfigMap/petition-config',
        'Job/petition-migrate',
        'Job/petition-setup-temporal',
      ]),
    );
    const secrets = manifests.filter((manifest) => manifest.object.kind === 'Secret');
    expect(new Set(secrets.map((manifest) => manifest.file))).toEqual(new Set(['secrets.template.yaml']));
    for (const secret of secrets) {
      for (const value of Object.values(secret.object.stringData as Record<string, string>)) {
        expect(value).toContain('REPLACE');
      }
    }
  });

  it('each kustomization lists existing files and pins the engine image; every manifest but the secret template is in one', () => {
    const listed = new Set<string>();
    for (const kustomization of kustomizations) {
      const dir = path.dirname(kustomization.file);
      for (const resource of kustomization.object.resources as string[]) {
        const target = path.join(dir, resource);
        expect(fs.existsSync(path.join(DEPLOY, 'k8s', target))).toBe(true);
        listed.add(target);
      }
      const images = (kustomization.object.images ?? []) as { name: string }[];
      if (kustomization.file !== path.join('config', 'kustomization.yaml')) {
        expect(images.map((image) => image.name)).toEqual([IMAGE]);
      }
    }
    const unlisted = [...new Set(manifests.map((manifest) => manifest.file))].filter(
      (file) => !listed.has(file),
    );
    expect(unlisted).toEqual(['secrets.template.yaml']);
    expect(otherImages(manifests, IMAGE)).toEqual([]);
  });

  it('every engine container sets known variables only and has all it needs; the owner URL reaches the migration only', () => {
    expect(containers.map((container) => container.command).sort()).toEqual([...ROLES].sort());
    expect(allProblems(containers)).toEqual([]);
    expect(disagreements(containers, ['TEMPORAL_NAMESPACE', 'TEMPORAL_TASK_QUEUE'])).toEqual([]);
    const holders = containers.filter((container) => 'MIGRATION_DATABASE_URL' in container.env);
    expect(holders.map((container) => container.command)).toEqual(['migrate']);
    const blindIndex = containers.filter((container) =>
      container.secretFiles.some((file) => file.endsWith('blind-index.key')),
    );
    expect(blindIndex.map((container) => container.command)).toEqual(['api']);
  });

  it('bites: a mistyped field, a wrong type and a mistyped variable are all caught', () => {
    const api = manifests.find((manifest) => manifest.object.metadata?.name === 'petition-api')!;
    const deployment = structuredClone(api) as Manifest & {
      object: { spec: { replicas: unknown; template: { spec: { containers: Record<string, unknown>[] } } } };
    };
    const container = deployment.object.spec.template.spec.containers[0]!;
    container.readinesProbe = container.readinessProbe;
    delete container.readinessProbe;
    expect(unknownFieldErrors([deployment]).join('\n')).toMatch(
      /Deployment\/petition-api: .*'"readinesProbe"' does not exist in type 'IContainer'/,
    );
    deployment.object.spec.replicas = 'two';
    expect(schemaErrors(deployment)).toEqual([
      expect.stringMatching(/Deployment\/petition-api: \/spec\/replicas must be integer/),
    ]);

    const worker = containers.find((candidate) => candidate.command === 'worker')!;
    const typo = { ...worker, env: { ...worker.env, WORKER_MAX_CACHED_WORKFLOW: '100' } };
    expect(containerProblems(typo)).toEqual([
      expect.stringMatching(/WORKER_MAX_CACHED_WORKFLOW is not a configuration variable/),
    ]);
  });
});
