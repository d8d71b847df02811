import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleWithFailureConverter } from '../libs/temporal/src/codec';

/**
 * `node dist/scripts/bundle-workflows.js <output.js>`: prebuilds the workflow bundle (with the encrypting
 * failure converter) so a worker started with WORKFLOW_BUNDLE_PATH skips webpack at start. The image
 * build runs it.
 */
async function main(): Promise<void> {
  const output = process.argv[2];
  if (!output) throw new Error('usage: bundle-workflows <output.js>');
  const code = await bundleWithFailureConverter(require.resolve('../workflows'));
  fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  fs.writeFileSync(output, code);
  process.stdout.write(`[bundle] ${output} (${Math.round(code.length / 1024)} KiB)\n`);
}

main().catch((error) => {
  process.stderr.write(`[bundle] failed: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
});
