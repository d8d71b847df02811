import { QuietStartupLogger } from './startup-logger';

describe('the start-up logger', () => {
  it('drops the module and route listing, keeps other lines, warnings and errors', () => {
    const printed: string[] = [];
    const spy = jest
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk: string | Uint8Array) => printed.push(String(chunk)) > 0);
    const spyErr = jest
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk: string | Uint8Array) => printed.push(String(chunk)) > 0);
    try {
      const logger = new QuietStartupLogger();
      logger.log('Mapped {/api/cases, GET} route', 'RouterExplorer');
      logger.log('CasesController {/api/cases}:', 'RoutesResolver');
      logger.log('ApiModule dependencies initialized', 'InstanceLoader');
      logger.log('Nest application successfully started', 'NestApplication');
      logger.warn('slow start', 'RouterExplorer');
    } finally {
      spy.mockRestore();
      spyErr.mockRestore();
    }
    const text = printed.join('');
    expect(text).not.toContain('Mapped');
    expect(text).not.toContain('dependencies initialized');
    expect(text).toContain('Nest application successfully started');
    expect(text).toContain('slow start');
  });
});
