/**
 * `npm run -s deadline -- --calendar <file.json> --mode calendar|working --days N --from <ISO instant>`
 * prints `{"lastDay":"YYYY-MM-DD","endsAt":"<UTC ISO instant>"}`; bad arguments exit with code 2.
 * The logic lives in libs/domain/src/clock/deadline-cli.ts; this wrapper only touches the process.
 */
import { readFileSync } from 'node:fs';
import { runDeadlineCli } from '../libs/domain/src/clock/deadline-cli';

const result = runDeadlineCli(process.argv.slice(2), (path) => readFileSync(path, 'utf8'));
process.stdout.write(result.stdout);
process.stderr.write(result.stderr);
process.exitCode = result.code;
