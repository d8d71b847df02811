import { ConsoleLogger } from '@nestjs/common';

/** Nest's start-up chatter: one line per module, controller and route (~95 lines for this API). */
const STARTUP_CONTEXTS = new Set(['InstanceLoader', 'RoutesResolver', 'RouterExplorer']);

/**
 * Nest's console logger without the start-up listing of modules and routes, so what `npm start` prints
 * (the addresses, the administrator's one-time password) stays in sight. Warnings and errors all pass.
 */
export class QuietStartupLogger extends ConsoleLogger {
  override log(message: unknown, ...rest: unknown[]): void {
    const context = rest.length > 0 ? rest[rest.length - 1] : this.context;
    if (typeof context === 'string' && STARTUP_CONTEXTS.has(context)) return;
    super.log(message, ...rest);
  }
}
