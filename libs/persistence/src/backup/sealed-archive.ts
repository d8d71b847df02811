import { createCipheriv, createDecipheriv, randomBytes, scrypt, type ScryptOptions } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';

/**
 * A backup archive sealed with a passphrase: a gzip'd tar of a folder, encrypted with AES-256-GCM under a
 * key derived by scrypt (node:crypto). The file is
 *
 *   line 1  `PCE-BACKUP 1`
 *   line 2  JSON header: {"kdf":"scrypt","N":…,"r":…,"p":…,"salt":<base64>,"cipher":"aes-256-gcm","iv":<base64>}
 *   then    the ciphertext of the .tar.gz, then the 16-byte GCM tag.
 *
 * Both header lines are the cipher's additional authenticated data, so changing a parameter fails the tag.
 */
const MAGIC = 'PCE-BACKUP 1';
const SCRYPT = { N: 2 ** 15, r: 8, p: 1 };
const TAG_BYTES = 16;
const MAX_HEADER_BYTES = 4096;

interface SealHeader {
  kdf: 'scrypt';
  N: number;
  r: number;
  p: number;
  salt: string;
  cipher: 'aes-256-gcm';
  iv: string;
}

export class SealedArchiveError extends Error {
  override readonly name = 'SealedArchiveError';
}

function deriveKey(passphrase: string, header: SealHeader): Promise<Buffer> {
  const options: ScryptOptions = { N: header.N, r: header.r, p: header.p, maxmem: 256 * header.N * header.r };
  return new Promise((resolve, reject) =>
    scrypt(passphrase, Buffer.from(header.salt, 'base64'), 32, options, (error, key) =>
      error ? reject(error) : resolve(key),
    ),
  );
}

/** Packs `folder` (its listed entries) into one sealed file at `outFile`, written whole or not at all. */
export async function sealFolder(
  folder: string,
  entries: string[],
  outFile: string,
  passphrase: string,
): Promise<void> {
  const header: SealHeader = {
    kdf: 'scrypt',
    ...SCRYPT,
    salt: randomBytes(16).toString('base64'),
    cipher: 'aes-256-gcm',
    iv: randomBytes(12).toString('base64'),
  };
  const headerBytes = Buffer.from(`${MAGIC}\n${JSON.stringify(header)}\n`);
  const cipher = createCipheriv(
    'aes-256-gcm',
    await deriveKey(passphrase, header),
    Buffer.from(header.iv, 'base64'),
  );
  cipher.setAAD(headerBytes);
  const partial = `${outFile}.partial`;
  fs.writeFileSync(partial, headerBytes, { mode: 0o600 });
  try {
    await pipeline(
      tar.c({ cwd: folder, gzip: true, portable: true }, entries),
      cipher,
      fs.createWriteStream(partial, { flags: 'a' }),
    );
    fs.appendFileSync(partial, cipher.getAuthTag());
    fs.renameSync(partial, outFile);
  } catch (error) {
    fs.rmSync(partial, { force: true });
    throw error;
  }
}

function readHeader(file: string): { header: SealHeader; bytes: Buffer } {
  const fd = fs.openSync(file, 'r');
  const start = Buffer.alloc(MAX_HEADER_BYTES);
  const read = fs.readSync(fd, start, 0, MAX_HEADER_BYTES, 0);
  fs.closeSync(fd);
  const text = start.subarray(0, read).toString('latin1');
  const first = text.indexOf('\n');
  const second = text.indexOf('\n', first + 1);
  if (first < 0 || second < 0 || text.slice(0, first) !== MAGIC) {
    throw new SealedArchiveError('不是本系统的备份文件 / not a backup archive of this system');
  }
  let header: SealHeader;
  try {
    header = JSON.parse(text.slice(first + 1, second)) as SealHeader;
  } catch {
    throw new SealedArchiveError('备份文件头损坏 / the archive header is damaged');
  }
  if (header.kdf !== 'scrypt' || header.cipher !== 'aes-256-gcm') {
    throw new SealedArchiveError(`不支持的加密方式 / unsupported sealing (${header.kdf}, ${header.cipher})`);
  }
  return { header, bytes: start.subarray(0, second + 1) };
}

/**
 * Opens a sealed file into `folder` (which must exist and be empty). A wrong passphrase or any changed
 * byte fails authentication; the folder's content is then not to be used (the caller removes it).
 */
export async function openSealedArchive(file: string, folder: string, passphrase: string): Promise<void> {
  const { header, bytes } = readHeader(file);
  const size = fs.statSync(file).size;
  if (size < bytes.length + TAG_BYTES)
    throw new SealedArchiveError('备份文件不完整 / the archive is truncated');
  const tag = Buffer.alloc(TAG_BYTES);
  const fd = fs.openSync(file, 'r');
  fs.readSync(fd, tag, 0, TAG_BYTES, size - TAG_BYTES);
  fs.closeSync(fd);
  const decipher = createDecipheriv(
    'aes-256-gcm',
    await deriveKey(passphrase, header),
    Buffer.from(header.iv, 'base64'),
  );
  decipher.setAAD(bytes);
  decipher.setAuthTag(tag);
  try {
    await pipeline(
      fs.createReadStream(file, { start: bytes.length, end: size - TAG_BYTES - 1 }),
      decipher,
      tar.x({ cwd: folder, strict: true }),
    );
  } catch {
    throw new SealedArchiveError(
      '口令错误或备份文件已损坏 / wrong passphrase, or the archive was changed or damaged',
    );
  }
  // tar refuses absolute paths and `..`; check anyway that nothing landed outside the folder.
  const resolved = path.resolve(folder);
  for (const name of fs.readdirSync(folder, { recursive: true }) as string[]) {
    if (!path.resolve(folder, name).startsWith(resolved))
      throw new SealedArchiveError(`备份中有不安全的条目 / unsafe entry ${name}`);
  }
}
