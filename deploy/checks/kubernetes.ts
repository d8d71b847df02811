import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { parseAllDocuments } from 'yaml';
import { type EngineContainer } from './containers';

/**
 * Kubernetes manifests checked as the API server would: against the Kubernetes 1.33.0 OpenAPI schemas
 * that the pinned kubernetes-models package carries (compiled by Ajv: types, required fields, formats,
 * enums), and field names checked strictly against the same package's types, as `kubectl apply
 * --validate=strict` does: the schemas alone let an unknown (mistyped) field through.
 */
export interface Manifest {
  file: string;
  object: KubernetesObject;
}

export interface KubernetesObject {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string };
  [field: string]: unknown;
}

const KUSTOMIZE_API = 'kustomize.config.k8s.io/v1beta1';

/** Every YAML document under the folder (multi-document files included), in file order. */
export function readManifests(dir: string): Manifest[] {
  const files = fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.yaml'))
    .sort();
  return files.flatMap((file) =>
    parseAllDocuments(fs.readFileSync(path.join(dir, file), 'utf8')).map((document) => {
      if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]!.message}`);
      return { file, object: document.toJS() as KubernetesObject };
    }),
  );
}

export function isKustomization(manifest: Manifest): boolean {
  return manifest.object.apiVersion === KUSTOMIZE_API && manifest.object.kind === 'Kustomization';
}

function modelModule(object: KubernetesObject): string {
  return `kubernetes-models/${object.apiVersion}/${object.kind}`;
}

function describe(manifest: Manifest): string {
  return `${manifest.file} ${manifest.object.kind}/${manifest.object.metadata?.name ?? '?'}`;
}

/** Violations of the Kubernetes schema (types, required fields, enums, formats), one line each. */
export function schemaErrors(manifest: Manifest): string[] {
  let model: { new (data: unknown): { validate(): void } } | undefined;
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the module follows each manifest's apiVersion and kind
    model = require(modelModule(manifest.object))[manifest.object.kind];
  } catch {
    return [
      `${describe(manifest)}: no ${manifest.object.apiVersion} ${manifest.object.kind} in Kubernetes 1.33`,
    ];
  }
  try {
    new model!(manifest.object).validate();
    return [];
  } catch (error) {
    const { errors } = error as { errors?: { instancePath: string; message?: string }[] };
    if (!errors) throw error;
    return errors.map(
      (problem) => `${describe(manifest)}: ${problem.instancePath || '/'} ${problem.message}`,
    );
  }
}

/**
 * Fields that Kubernetes 1.33 does not know, found by type-checking each object as a literal of its
 * kubernetes-models interface (excess property checks reach every nested object). Types are checked too.
 */
export function unknownFieldErrors(manifests: Manifest[]): string[] {
  const root = path.resolve(__dirname, '..');
  const file = path.join(root, '__manifests__.ts');
  const lines: string[] = [];
  const owners: { line: number; manifest: Manifest }[] = [];
  manifests.forEach((manifest, index) => {
    const { kind } = manifest.object;
    lines.push(`import type { I${kind} as T${index} } from '${modelModule(manifest.object)}';`);
    owners.push({ line: lines.length, manifest });
    lines.push(`export const m${index}: T${index} = ${JSON.stringify(manifest.object, null, 1)};`);
  });
  const source = lines.join('\n');
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    types: [],
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.CommonJS,
    moduleResolution: ts.ModuleResolutionKind.Node10,
    target: ts.ScriptTarget.ES2022,
  };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  host.getSourceFile = (name, language, ...rest) =>
    name === file ? ts.createSourceFile(name, source, language) : getSourceFile(name, language, ...rest);
  host.fileExists = (name) => name === file || fileExists(name);
  host.readFile = (name) => (name === file ? source : readFile(name));
  const diagnostics = ts.getPreEmitDiagnostics(ts.createProgram([file], options, host));
  return diagnostics.map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
    if (diagnostic.file?.fileName !== file || diagnostic.start === undefined) return message;
    const line = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line;
    const owner = owners.findLast((candidate) => candidate.line <= line);
    return `${owner ? describe(owner.manifest) : '?'}: ${message}`;
  });
}

interface PodSpec {
  containers: {
    name: string;
    image?: string;
    args?: string[];
    env?: { name: string; value?: string }[];
    envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
    volumeMounts?: { name: string; mountPath: string }[];
    ports?: { containerPort: number }[];
  }[];
  volumes?: { name: string; secret?: { secretName: string } }[];
}

function podSpecOf(object: KubernetesObject): PodSpec | undefined {
  const spec = object.spec as { template?: { spec?: PodSpec } } | undefined;
  return ['Deployment', 'Job'].includes(object.kind) ? spec?.template?.spec : undefined;
}

function keysOf(object: KubernetesObject | undefined): string[] {
  return Object.keys({ ...(object?.data ?? {}), ...(object?.stringData ?? {}) });
}

function valueOf(object: KubernetesObject | undefined, key: string): string | undefined {
  const data = { ...(object?.data ?? {}), ...(object?.stringData ?? {}) } as Record<string, string>;
  return data[key];
}

/** The containers running the engine's image, with the environment and secret files they would get. */
export function kubernetesEngineContainers(
  manifests: Manifest[],
  image: string,
  imageEnv: Record<string, string>,
): EngineContainer[] {
  const find = (kind: string, name: string) =>
    manifests.find((manifest) => manifest.object.kind === kind && manifest.object.metadata?.name === name)
      ?.object;
  const containers: EngineContainer[] = [];
  for (const manifest of manifests) {
    const pod = podSpecOf(manifest.object);
    for (const container of pod?.containers ?? []) {
      if (container.image !== image) continue;
      const env: Record<string, string> = { ...imageEnv };
      const where = `${describe(manifest)} container ${container.name}`;
      for (const source of container.envFrom ?? []) {
        const [kind, name] = source.configMapRef
          ? ['ConfigMap', source.configMapRef.name]
          : ['Secret', source.secretRef!.name];
        const object = find(kind, name);
        if (!object) env[`<missing ${kind} ${name}>`] = '';
        for (const key of keysOf(object)) env[key] = valueOf(object, key) ?? '';
      }
      for (const variable of container.env ?? []) env[variable.name] = variable.value ?? '';
      const secretFiles = (container.volumeMounts ?? []).flatMap((mount) => {
        const secretName = pod!.volumes?.find((volume) => volume.name === mount.name)?.secret?.secretName;
        return secretName ? keysOf(find('Secret', secretName)).map((key) => `${mount.mountPath}/${key}`) : [];
      });
      containers.push({
        where,
        command: container.args?.[0] ?? '',
        env,
        secretFiles,
        ports: (container.ports ?? []).map((port) => port.containerPort),
      });
    }
  }
  return containers;
}

/** Containers of any workload naming an image other than the one the kustomizations pin. */
export function otherImages(manifests: Manifest[], image: string): string[] {
  return manifests.flatMap((manifest) =>
    (podSpecOf(manifest.object)?.containers ?? [])
      .filter((container) => container.image !== image)
      .map((container) => `${describe(manifest)}: image ${container.image}`),
  );
}
