import * as fs from 'node:fs';

export const BACKUP_PASSPHRASE_VARIABLE = 'BACKUP_PASSPHRASE';
const MIN_LENGTH = 12;

/** The archive's passphrase from `--passphrase-file` or BACKUP_PASSPHRASE; never echoed anywhere. */
export function readBackupPassphrase(file: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  const passphrase = file
    ? fs.readFileSync(file, 'utf8').replace(/\r?\n$/, '')
    : env[BACKUP_PASSPHRASE_VARIABLE];
  if (!passphrase) {
    throw new Error(
      `缺少口令 / no passphrase: give --passphrase-file <file> or set ${BACKUP_PASSPHRASE_VARIABLE}`,
    );
  }
  if (passphrase.length < MIN_LENGTH) {
    throw new Error(`口令过短 / the passphrase must have at least ${MIN_LENGTH} characters`);
  }
  return passphrase;
}
