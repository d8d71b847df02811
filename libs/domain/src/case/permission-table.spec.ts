import * as fs from 'node:fs';
import * as path from 'node:path';
import { permissionTableMarkdown } from './permission-table';

describe('docs/api.md roles-and-permissions table', () => {
  it('is exactly what the permission map renders', () => {
    const page = fs.readFileSync(path.resolve(__dirname, '../../../../docs/api.md'), 'utf8');
    const table = /<!-- permissions:start -->\n([\s\S]*?)\n<!-- permissions:end -->/.exec(page)?.[1];
    expect(table).toBe(permissionTableMarkdown());
  });

  it('marks every role the map allows, and only those', () => {
    const rows = permissionTableMarkdown().split('\n');
    expect(rows.find((row) => row.includes('`remind`'))).toBe('| 催办 `remind` |  |  |  |  | ✓ |  |');
    expect(rows.find((row) => row.includes('`register`'))).toBe('| 登记 `register` | ✓ |  |  |  |  |  |');
    expect(rows.find((row) => row.includes('`readCases`'))?.endsWith('` | ✓ | ✓ | ✓ | ✓ | ✓ |  |')).toBe(
      true,
    );
    expect(rows.find((row) => row.includes('`administer`'))?.endsWith('` |  |  |  |  |  | ✓ |')).toBe(true);
  });
});
