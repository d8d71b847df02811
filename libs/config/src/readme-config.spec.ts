import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_VARIABLES } from './config';

/** Every variable the configuration understands is documented in the README's configuration table. */
describe('README configuration table', () => {
  it('names every configuration variable', () => {
    const readme = fs.readFileSync(path.resolve(__dirname, '../../../README.md'), 'utf8');
    const table = readme.slice(
      readme.indexOf('## Configuration'),
      readme.indexOf('## External Temporal cluster'),
    );
    expect(CONFIG_VARIABLES.filter((variable) => !table.includes(`\`${variable}\``))).toEqual([]);
  });
});
