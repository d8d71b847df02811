import { engineFromArgs, parseEngine } from './engine';

describe('choosing the Temporal engine', () => {
  it('reads TEMPORAL_TARGET-style values, the dev server when unset', () => {
    expect(parseEngine(undefined, 'TEMPORAL_TARGET')).toBe('dev');
    expect(parseEngine('', 'TEMPORAL_TARGET')).toBe('dev');
    expect(parseEngine('server', 'TEMPORAL_TARGET')).toBe('server');
    expect(parseEngine('dev', 'TEMPORAL_TARGET')).toBe('dev');
    expect(() => parseEngine('cluster', 'TEMPORAL_TARGET')).toThrow(
      'TEMPORAL_TARGET must be one of dev, server; got "cluster"',
    );
  });

  it('finds --engine among a bench command line’s other options', () => {
    expect(engineFromArgs(['--cases', '200', '--engine', 'server'])).toBe('server');
    expect(engineFromArgs(['--engine=server', '--cases', '200'])).toBe('server');
    expect(engineFromArgs(['--cases', '200'])).toBe('dev');
    expect(() => engineFromArgs(['--engine', 'prod'])).toThrow(/--engine must be one of dev, server/);
  });
});
