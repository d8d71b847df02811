import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { embeddedAppDatabaseUrl } from './running-database';

describe('the embedded database of a running npm start', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'running-db-'));
  });
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('is found from the cluster pid file and the credentials beside it', () => {
    fs.mkdirSync(path.join(dataDir, 'postgres'));
    fs.writeFileSync(
      path.join(dataDir, 'postgres', 'postmaster.pid'),
      `4242\n${dataDir}/postgres\n1764400000\n54331\n\n127.0.0.1\n`,
    );
    fs.writeFileSync(
      path.join(dataDir, 'postgres-credentials.json'),
      JSON.stringify({ superuserPassword: 's', ownerPassword: 'o', appPassword: 'a/p+w' }),
    );
    expect(embeddedAppDatabaseUrl(dataDir)).toBe('postgres://pce_app:a%2Fp%2Bw@127.0.0.1:54331/petition');
  });

  it('is absent when the server is not running', () => {
    fs.writeFileSync(path.join(dataDir, 'postgres-credentials.json'), JSON.stringify({ appPassword: 'a' }));
    expect(embeddedAppDatabaseUrl(dataDir)).toBeUndefined();
  });
});
