import * as fs from 'node:fs';
import * as path from 'node:path';
import { SEALED_COLUMNS } from './sealed-columns';

describe('the sealed columns a rotation re-seals', () => {
  it('name every sealed column the migrations create', () => {
    const dir = path.join(__dirname, '..', 'migrations');
    const text = fs
      .readdirSync(dir)
      .filter((name) => /^\d+-.*\.ts$/.test(name))
      .map((name) => fs.readFileSync(path.join(dir, name), 'utf8'))
      .join('\n');
    const inMigrations = new Set(text.match(/\b\w+_enc\b|\bsealed_\w+\b/g));
    const listed = new Set(SEALED_COLUMNS.flatMap((set) => set.columns));
    expect([...inMigrations].sort()).toEqual([...listed].sort());
  });
});
