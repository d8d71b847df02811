import * as fs from 'node:fs';
import { OPENAPI_FILE, renderOpenApi } from '../../../scripts/openapi';

/** The committed openapi.json is what the code serves at /api/docs; regenerate it with `npm run openapi`. */
describe('the committed OpenAPI document', () => {
  it('matches the controllers and DTOs', async () => {
    const committed = fs.readFileSync(OPENAPI_FILE, 'utf8');
    expect(await renderOpenApi()).toBe(committed);
  }, 30_000);
});
