import * as fontkit from 'fontkit';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { type AppConfig, PROJECT_ROOT } from '../../config/src';
import { installPinnedDebianPackages, type PinnedDebianPackage } from './debian-package';

/**
 * The one font that notices embed: a TrueType/OpenType font (or one face of a .ttc collection) with
 * Chinese glyphs. Resolution: NOTICE_FONT_PATH → the pinned Debian font unpacked into .tools/fonts → an
 * error saying how to get one. Web-font slices (WOFF/WOFF2 subsets) are refused: a PDF embeds one font.
 */
export type NoticeFontSettings = Partial<Pick<AppConfig, 'NOTICE_FONT_PATH' | 'NOTICE_FONT_FACE'>>;

export const PINNED_NOTICE_FONT = {
  package: {
    name: 'fonts-wqy-microhei',
    version: '0.2.0-beta-3.1',
    sha256: '239163df984eea5c9da3b551aee374936222cdbd67f1a1be3cdcf3d76143ad66',
  } satisfies PinnedDebianPackage,
  /** The font file inside the package (文泉驿微米黑, Apache-2.0 or GPL-3+ with the font exception). */
  file: 'usr/share/fonts/truetype/wqy/wqy-microhei.ttc',
  face: 'WenQuanYiMicroHei',
};

export const NOTICE_FONTS_DIR = path.join(PROJECT_ROOT, '.tools', 'fonts');

export class NoticeFontError extends Error {
  override readonly name = 'NoticeFontError';
}

/** Characters every Chinese notice prints; a font lacking them is not a Chinese font. */
const CHINESE_PROBE = '信访事项告知书年月日，。—';

export interface NoticeFont {
  file: string;
  /** PostScript name of the face. */
  face: string;
  /** The parsed face, shared by every render. */
  font: fontkit.Font;
}

function pinnedFontPath(): string {
  const { name, version } = PINNED_NOTICE_FONT.package;
  return path.join(NOTICE_FONTS_DIR, `${name}_${version}`, PINNED_NOTICE_FONT.file);
}

function howToGetOne(): string {
  const { name, version } = PINNED_NOTICE_FONT.package;
  return (
    `运行 npm run notice-font 安装 / run "npm run notice-font" (downloads ${name}=${version} into .tools/fonts), ` +
    `or set NOTICE_FONT_PATH to a TTF/OTF/TTC font with Chinese glyphs (e.g. after apt-get install ${name}: ` +
    `/usr/share/fonts/truetype/wqy/wqy-microhei.ttc)`
  );
}

/** Where the notice font is, installing nothing. */
export function resolveNoticeFontPath(settings: NoticeFontSettings): string {
  if (settings.NOTICE_FONT_PATH) {
    if (!fs.existsSync(settings.NOTICE_FONT_PATH)) {
      throw new NoticeFontError(
        `NOTICE_FONT_PATH=${settings.NOTICE_FONT_PATH} 不存在 / does not exist; ${howToGetOne()}`,
      );
    }
    return settings.NOTICE_FONT_PATH;
  }
  const pinned = pinnedFontPath();
  if (fs.existsSync(pinned)) return pinned;
  throw new NoticeFontError(`未找到文书字体 / no font for written notices; ${howToGetOne()}`);
}

/** Like resolveNoticeFontPath, but first installs the pinned font when NOTICE_FONT_PATH is unset and it is missing. */
export function ensureNoticeFont(settings: NoticeFontSettings): string {
  if (!settings.NOTICE_FONT_PATH && !fs.existsSync(pinnedFontPath())) {
    const { name, version } = PINNED_NOTICE_FONT.package;
    fs.mkdirSync(NOTICE_FONTS_DIR, { recursive: true });
    try {
      installPinnedDebianPackages(
        [PINNED_NOTICE_FONT.package],
        path.join(NOTICE_FONTS_DIR, `${name}_${version}`),
      );
    } catch (error) {
      throw new NoticeFontError(`${(error as Error).message}; ${howToGetOne()}`);
    }
  }
  return resolveNoticeFontPath(settings);
}

function pickFace(
  file: string,
  parsed: fontkit.Font | fontkit.FontCollection,
  wanted?: string,
): fontkit.Font {
  if (parsed.type === 'TTC' || parsed.type === 'DFont') {
    const faces = (parsed as fontkit.FontCollection).fonts;
    const face = wanted ? faces.find((candidate) => candidate.postscriptName === wanted) : faces[0];
    if (!face) {
      throw new NoticeFontError(
        `${file} 中没有字形 ${wanted} / has no face ${wanted}; faces: ${faces.map((f) => f.postscriptName).join(', ')}`,
      );
    }
    return face;
  }
  if (parsed.type !== 'TTF') {
    throw new NoticeFontError(
      `${file} 是 ${parsed.type} 网页字体 / is a ${parsed.type} web font; give a TTF/OTF/TTC file`,
    );
  }
  return parsed as fontkit.Font;
}

/** Characters of `text` (line breaks aside) that the font cannot draw, each once. */
export function charactersMissingFrom(font: fontkit.Font, text: string): string[] {
  const missing = new Set<string>();
  for (const character of text) {
    if (character !== '\n' && !font.hasGlyphForCodePoint(character.codePointAt(0)!)) missing.add(character);
  }
  return [...missing];
}

/** A font without a usable Unicode map (e.g. a subset cut for one PDF) maps no character at all. */
function hasCharacterMap(font: fontkit.Font): boolean {
  try {
    font.hasGlyphForCodePoint(0x20);
    return true;
  } catch {
    return false;
  }
}

/** Reads and checks the notice font once; pass the result to every render. */
export function loadNoticeFont(settings: NoticeFontSettings): NoticeFont {
  const file = resolveNoticeFontPath(settings);
  const data = fs.readFileSync(file);
  let parsed: fontkit.Font | fontkit.FontCollection;
  try {
    parsed = fontkit.create(data);
  } catch (error) {
    throw new NoticeFontError(`${file} 不是可用的字体文件 / is not a font file: ${(error as Error).message}`);
  }
  const font = pickFace(file, parsed, settings.NOTICE_FONT_FACE);
  const missing = hasCharacterMap(font) ? charactersMissingFrom(font, CHINESE_PROBE) : [...CHINESE_PROBE];
  if (missing.length > 0) {
    throw new NoticeFontError(
      `${file} 缺少中文字形 / has no Chinese glyphs (${missing.join('')}); ${howToGetOne()}`,
    );
  }
  return { file, face: font.postscriptName, font };
}
