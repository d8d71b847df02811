import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { openSealedArchive, sealFolder } from './sealed-archive';

describe('sealed backup archives', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-seal-'));
  const source = path.join(dir, 'source');
  const archive = path.join(dir, 'a.pcebak');
  const passphrase = 'correct horse battery staple';
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  beforeAll(async () => {
    fs.mkdirSync(path.join(source, 'keys'), { recursive: true });
    fs.writeFileSync(path.join(source, 'manifest.json'), '{"n":1}');
    fs.writeFileSync(path.join(source, 'keys', 'k'), '秘密 secret');
    await sealFolder(source, ['manifest.json', 'keys/k'], archive, passphrase);
  });

  function freshFolder(name: string): string {
    const folder = path.join(dir, name);
    fs.mkdirSync(folder);
    return folder;
  }

  it('opens with its passphrase into the same files, and holds nothing in plain text', async () => {
    expect(fs.readFileSync(archive).includes(Buffer.from('secret'))).toBe(false);
    const out = freshFolder('ok');
    await openSealedArchive(archive, out, passphrase);
    expect(fs.readFileSync(path.join(out, 'keys', 'k'), 'utf8')).toBe('秘密 secret');
    expect(fs.readFileSync(path.join(out, 'manifest.json'), 'utf8')).toBe('{"n":1}');
  });

  it('refuses a wrong passphrase, a changed byte and a changed header', async () => {
    await expect(openSealedArchive(archive, freshFolder('out-wrong'), 'another passphrase')).rejects.toThrow(
      /wrong passphrase/,
    );
    const bytes = fs.readFileSync(archive);
    const flipped = Buffer.from(bytes);
    flipped[bytes.length - 40]! ^= 1;
    fs.writeFileSync(path.join(dir, 'flipped'), flipped);
    await expect(
      openSealedArchive(path.join(dir, 'flipped'), freshFolder('out-flip'), passphrase),
    ).rejects.toThrow(/changed or damaged/);
    const header = Buffer.from(bytes.toString('latin1').replace('"r":8', '"r":9'), 'latin1');
    fs.writeFileSync(path.join(dir, 'header'), header);
    await expect(
      openSealedArchive(path.join(dir, 'header'), freshFolder('out-header'), passphrase),
    ).rejects.toThrow();
  });
});
