import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ACTION_BODIES } from '../apps/api/src/actions/action-dtos';
import { ACTION_FORMS } from '../apps/web/src/cases/action-forms';

/** The web console (apps/web) against the committed OpenAPI document it is typed from. */
const ROOT = path.join(__dirname, '..');
const openapi = JSON.parse(fs.readFileSync(path.join(ROOT, 'openapi.json'), 'utf8'));

describe('web console contract', () => {
  it('uses API types generated from the committed openapi.json (npm run web:api-types)', () => {
    const generated = execFileSync(
      process.execPath,
      [path.join(ROOT, 'node_modules/openapi-typescript/bin/cli.js'), 'openapi.json'],
      { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const committed = fs.readFileSync(path.join(ROOT, 'apps/web/src/api/schema.d.ts'), 'utf8');
    expect(committed).toBe(generated);
  });

  it('offers a form for every staff action with the fields of its request body', () => {
    expect(Object.keys(ACTION_FORMS).sort()).toEqual(Object.keys(ACTION_BODIES).sort());
    for (const [action, dto] of Object.entries(ACTION_BODIES)) {
      const schema = openapi.components.schemas[dto.name] ?? { properties: {}, required: [] };
      const fields = ACTION_FORMS[action as keyof typeof ACTION_FORMS] as readonly {
        name: string;
        required: boolean;
      }[];
      expect({ action, fields: fields.map((field) => field.name).sort() }).toEqual({
        action,
        fields: Object.keys(schema.properties ?? {}).sort(),
      });
      expect({
        action,
        required: fields
          .filter((field) => field.required)
          .map((field) => field.name)
          .sort(),
      }).toEqual({
        action,
        required: [...(schema.required ?? [])].sort(),
      });
    }
  });
});
