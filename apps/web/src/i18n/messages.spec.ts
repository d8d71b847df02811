import { en } from './en';
import { zhCN } from './zh-CN';

function keyPaths(messages: object, prefix = ''): string[] {
  return Object.entries(messages)
    .flatMap(([key, value]) =>
      typeof value === 'string' ? [`${prefix}${key}`] : keyPaths(value as object, `${prefix}${key}.`),
    )
    .sort();
}

function textAt(messages: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], messages);
}

describe('console messages', () => {
  it('have an English text for every Chinese one (the domain labels included), none empty', () => {
    expect(keyPaths(en)).toEqual(keyPaths(zhCN));
    for (const path of keyPaths(en)) {
      expect({ path, text: textAt(en, path) }).not.toEqual({ path, text: '' });
      expect({ path, text: textAt(zhCN, path) }).not.toEqual({ path, text: '' });
    }
  });

  it('keep placeholders the same in both languages', () => {
    const placeholders = (text: unknown) => [...String(text).matchAll(/{{(\w+)}}/g)].map((m) => m[1]).sort();
    for (const path of keyPaths(zhCN)) {
      expect({ path, placeholders: placeholders(textAt(en, path)) }).toEqual({
        path,
        placeholders: placeholders(textAt(zhCN, path)),
      });
    }
  });
});
