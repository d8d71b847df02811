import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_VARIABLES } from './config';

/** Every variable the configuration understands is documented in the configuration table of docs/operations.md. */
describe('docs/operations.md configuration table', () => {
  it('names every configuration variable', () => {
    const page = fs.readFileSync(path.resolve(__dirname, '../../../docs/operations.md'), 'utf8');
    const start = page.indexOf('\n## Configuration\n');
    const end = page.indexOf('\n## ', start + 1);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    const table = page.slice(start, end);
    expect(CONFIG_VARIABLES.filter((variable) => !table.includes(`\`${variable}\``))).toEqual([]);
  });
});
