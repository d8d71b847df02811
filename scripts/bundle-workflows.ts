import * as fs from 'node:fs';
import * as path from 'node:path';
import { bundleWithFailureConverter } from '../libs/temporal/src/codec';

/**
 * `node dist/scripts/bundle-workflows.js <output.js> [--tracing]`: prebuilds the workflow bundle (with the
 * encrypting failure converter) so a worker started with WORKFLOW_BUNDLE_PATH skips webpack at start. The
 * image build runs it. `--tracing` adds the OpenTelemetry workflow interceptors (workflow spans when
 * OTEL_EXPORTER_OTLP_ENDPOINT is set; a worker with tracing off then only ignores them).
 */
async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const tracing = args.includes('--tracing');
  const output = args.find((arg) => !arg.startsWith('--'));
  if (!output) throw new Error('usage: bundle-workflows <output.js> [--tracing]');
  const code = await bundleWithFailureConverter(require.resolve('../workflows'), { tracing });
  fs.mkdirSync(path.dirname(path.resolve(output)), { recursive: true });
  fs.writeFileSync(output, code);
  process.stdout.write(
    `[bundle] ${output} (${Math.round(code.length / 1024)} KiB${tracing ? ', traced' : ''})\n`,
  );
}

main().catch((error) => {
  process.stderr.write(`[bundle] failed: ${error instanceof Error ? error.message : error}\n`);
  process.exit(1);
});
