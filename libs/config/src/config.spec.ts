import { CONFIG_VARIABLES, ConfigError, loadConfig } from './config';

describe('configuration', () => {
  it('has embedded defaults', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      PORT: 3000,
      TEMPORAL_NAMESPACE: 'petition',
      TEMPORAL_HEADLESS: false,
    });
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.dataDir).toMatch(/\/var$/);
  });

  it('parses values from the environment', () => {
    const config = loadConfig({ PORT: '8080', TEMPORAL_HEADLESS: 'true', DATABASE_URL: 'postgres://a@b/c' });
    expect(config).toMatchObject({ PORT: 8080, TEMPORAL_HEADLESS: true, DATABASE_URL: 'postgres://a@b/c' });
  });

  it('treats an empty string as unset', () => {
    expect(loadConfig({ DATABASE_URL: '' }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ['PORT', 'eighty'],
    ['PORT', '70000'],
    ['TEMPORAL_HEADLESS', 'maybe'],
    ['LOG_LEVEL', 'loud'],
  ])('stops on a bad %s with one line naming it', (variable, value) => {
    expect(() => loadConfig({ [variable]: value })).toThrow(ConfigError);
    expect(() => loadConfig({ [variable]: value })).toThrow(
      new RegExp(`^配置错误 / invalid configuration: ${variable}: `),
    );
  });

  it('lists every variable it understands', () => {
    expect(CONFIG_VARIABLES).toEqual(
      expect.arrayContaining(['PORT', 'DATABASE_URL', 'TEMPORAL_ADDRESS', 'DATA_DIR']),
    );
  });
});
