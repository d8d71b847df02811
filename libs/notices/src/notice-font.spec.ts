import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadConfig } from '../../config/src';
import {
  charactersMissingFrom,
  ensureNoticeFont,
  loadNoticeFont,
  NoticeFontError,
  PINNED_NOTICE_FONT,
  resolveNoticeFontPath,
} from './notice-font';

const INSTALL_TIMEOUT_MS = 120_000;

describe('notice font', () => {
  let pinnedPath: string;
  let scratch: string;

  beforeAll(() => {
    pinnedPath = ensureNoticeFont(loadConfig({}));
    scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'pce-font-'));
  }, INSTALL_TIMEOUT_MS);

  afterAll(() => fs.rmSync(scratch, { recursive: true, force: true }));

  it('installs the pinned Debian font into .tools/fonts and resolves it when NOTICE_FONT_PATH is unset', () => {
    expect(pinnedPath).toContain(path.join('.tools', 'fonts', 'fonts-wqy-microhei_0.2.0-beta-3.1'));
    expect(pinnedPath.endsWith(PINNED_NOTICE_FONT.file)).toBe(true);
    expect(resolveNoticeFontPath({})).toBe(pinnedPath);
  });

  it('loads the first face of the collection, with Chinese glyphs', () => {
    const font = loadNoticeFont({});
    expect(font.face).toBe('WenQuanYiMicroHei');
    expect(charactersMissingFrom(font.font, '信访人张喆堃，2026年11月29日。')).toEqual([]);
  });

  it('picks the face NOTICE_FONT_FACE names, and lists the faces when it names none there', () => {
    expect(loadNoticeFont({ NOTICE_FONT_FACE: 'WenQuanYiMicroHeiMono' }).face).toBe('WenQuanYiMicroHeiMono');
    expect(() => loadNoticeFont({ NOTICE_FONT_FACE: 'SimSun' })).toThrow(
      /SimSun.*WenQuanYiMicroHei, WenQuanYiMicroHeiMono/,
    );
  });

  it('prefers NOTICE_FONT_PATH and says how to get a font when it points nowhere', () => {
    const copy = path.join(scratch, 'copy.ttc');
    fs.copyFileSync(pinnedPath, copy);
    expect(resolveNoticeFontPath({ NOTICE_FONT_PATH: copy })).toBe(copy);
    const missing = () => resolveNoticeFontPath({ NOTICE_FONT_PATH: path.join(scratch, 'none.ttf') });
    expect(missing).toThrow(NoticeFontError);
    expect(missing).toThrow(/NOTICE_FONT_PATH=.*none\.ttf.*npm run notice-font/);
  });

  it('refuses a file that is not a font', () => {
    const notAFont = path.join(scratch, 'notes.ttf');
    fs.writeFileSync(notAFont, '这不是字体');
    expect(() => loadNoticeFont({ NOTICE_FONT_PATH: notAFont })).toThrow(NoticeFontError);
  });

  it('refuses a font without Chinese glyphs', () => {
    const latinOnly = path.join(scratch, 'latin.ttf');
    const face = loadNoticeFont({}).font;
    const subset = face.createSubset();
    for (const character of 'Latin') subset.includeGlyph(face.glyphForCodePoint(character.codePointAt(0)!));
    fs.writeFileSync(latinOnly, subset.encode());
    expect(() => loadNoticeFont({ NOTICE_FONT_PATH: latinOnly })).toThrow(
      /缺少中文字形 \/ has no Chinese glyphs/,
    );
  });
});
