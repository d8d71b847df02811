import { ConfigError, loadConfig } from '../libs/config/src';
import { ensureNoticeFont, NoticeFontError } from '../libs/notices/src/notice-font';

/** `npm run notice-font`: installs the pinned notice font into .tools/fonts (unless NOTICE_FONT_PATH is set) and prints its path. */
try {
  const started = Date.now();
  const file = ensureNoticeFont(loadConfig());
  process.stdout.write(`文书字体 / notice font: ${file} (${Date.now() - started} ms)\n`);
} catch (error) {
  if (!(error instanceof NoticeFontError || error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exitCode = 1;
}
