import { figureRate, METRIC_FIGURE_KEYS } from '../../domain/src/metrics/figures';
import { figureSql } from './metrics';

describe('metric figures', () => {
  it('has SQL for every figure of the catalogue, with unique keys', () => {
    expect(new Set(METRIC_FIGURE_KEYS).size).toBe(METRIC_FIGURE_KEYS.length);
    for (const key of METRIC_FIGURE_KEYS) {
      expect(figureSql(key).denominator).not.toHaveLength(0);
      expect(figureSql(key).numerator).not.toHaveLength(0);
    }
    expect(() => figureSql('noSuchFigure')).toThrow('no SQL for figure noSuchFigure');
  });

  it('states a rate to four places, and none when nothing is counted', () => {
    expect(figureRate(2, 3)).toBe(0.6667);
    expect(figureRate(0, 5)).toBe(0);
    expect(figureRate(0, 0)).toBeNull();
  });
});
