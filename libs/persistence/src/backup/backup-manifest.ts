import * as fs from 'node:fs';
import * as path from 'node:path';
import { sha256OfFile } from '../../../temporal/src/server/build-manifest';

/** What a backup holds and of which versions; `files` lets a restore check every byte before using it. */
export interface BackupManifest {
  format: 'petition-case-engine-backup';
  formatVersion: 1;
  createdAt: string;
  /** The same instant in Asia/Shanghai, for people. */
  createdAtLocal: string;
  app: { name: string; version: string };
  postgres: { serverVersion: string; dumpTool: string; database: string; lastMigration: string | null };
  temporal: { store: 'dev-server-sqlite'; namespace: string; sqlite: string };
  keys: { payloadKeyIds: string[]; activeKeyId: string };
  counts: { cases: number; caseEvents: number; openWorkflows?: number };
  /** How long writes waited while both stores were copied. */
  writePauseMs: number;
  files: { path: string; bytes: number; sha256: string }[];
}

export const MANIFEST_FILE = 'manifest.json';

/** The archive's members, each under its own name in the staging folder. */
export const BACKUP_FILES = {
  postgresDump: 'postgres.dump',
  temporalStore: 'temporal/temporal.db',
  payloadKeys: 'keys/payload-keys.json',
  blindIndexKey: 'keys/blind-index.key',
} as const;

export function describeFiles(folder: string, names: readonly string[]): BackupManifest['files'] {
  return names.map((name) => {
    const file = path.join(folder, name);
    return { path: name, bytes: fs.statSync(file).size, sha256: sha256OfFile(file) };
  });
}

/** Reads the manifest of an opened archive and checks every listed file's size and SHA-256. */
export function readVerifiedManifest(folder: string): BackupManifest {
  const file = path.join(folder, MANIFEST_FILE);
  if (!fs.existsSync(file)) throw new Error('备份中没有清单 / the archive has no manifest');
  const manifest = JSON.parse(fs.readFileSync(file, 'utf8')) as BackupManifest;
  if (manifest.format !== 'petition-case-engine-backup' || manifest.formatVersion !== 1) {
    throw new Error(
      `不支持的备份格式 / unsupported backup format ${manifest.format} ${manifest.formatVersion}`,
    );
  }
  for (const expected of manifest.files) {
    const member = path.join(folder, expected.path);
    if (!fs.existsSync(member)) throw new Error(`备份缺少文件 / the archive lacks ${expected.path}`);
    if (fs.statSync(member).size !== expected.bytes || sha256OfFile(member) !== expected.sha256) {
      throw new Error(`校验和不符 / checksum mismatch: ${expected.path}`);
    }
  }
  return manifest;
}
