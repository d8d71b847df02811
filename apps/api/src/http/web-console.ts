import { type NestExpressApplication } from '@nestjs/platform-express';
import { type NextFunction, type Request, type Response } from 'express';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROJECT_ROOT } from '../../../../libs/config/src';

/** Where `npm run build` puts the web console (apps/web). */
export const WEB_CONSOLE_DIR = path.join(PROJECT_ROOT, 'dist', 'web');

/**
 * Serves the built web console from the API's own origin: its files under `/`, and index.html for any
 * other page address so the browser's router can take over. `/api` stays the API's alone. Without a
 * build (tests of the API alone, a server-only image) nothing is served.
 */
export function serveWebConsole(app: NestExpressApplication, dir = WEB_CONSOLE_DIR): boolean {
  const indexFile = path.join(dir, 'index.html');
  if (!fs.existsSync(indexFile)) return false;
  // Hashed asset names change with their content; index.html must always be fetched fresh.
  app.useStaticAssets(dir, {
    index: false,
    setHeaders: (response, file) => {
      const immutable = file.startsWith(path.join(dir, 'assets') + path.sep);
      response.setHeader('Cache-Control', immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
    },
  });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isApi = request.path === '/api' || request.path.startsWith('/api/');
    const isFile = path.extname(request.path) !== ''; // a missing asset stays a 404
    const isPage = (request.method === 'GET' || request.method === 'HEAD') && request.accepts('html');
    if (isApi || isFile || !isPage) {
      return next();
    }
    response.setHeader('Cache-Control', 'no-cache');
    response.sendFile(indexFile);
  });
  return true;
}
