import { ensureChromium, unresolvedLibraries } from './chromium';

/** `npm run browser`: installs the end-to-end tests' headless Chromium into .tools/chromium. */
try {
  const started = Date.now();
  const chromium = ensureChromium();
  process.stdout.write(
    `Chromium: ${chromium.executablePath} (${Date.now() - started} ms; unresolved libraries: ${unresolvedLibraries(chromium.env) || 'none'})\n`,
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
}
