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
  app.use(precompressedAssets(dir));
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

const ENCODINGS = [
  { name: 'br', suffix: '.br' },
  { name: 'gzip', suffix: '.gz' },
] as const;

/**
 * The build's brotli or gzip twin of an asset (scripts/build-web.ts writes them) to a browser that
 * accepts it, with the asset's own type, `Content-Encoding` and `Vary: Accept-Encoding`; anything else
 * falls through to the plain file.
 */
export function precompressedAssets(dir: string) {
  const assets = path.join(dir, 'assets') + path.sep;
  return (request: Request, response: Response, next: NextFunction) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return next();
    let file: string;
    try {
      file = path.join(dir, path.normalize(decodeURIComponent(request.path)));
    } catch {
      return next(); // a malformed address: the static files answer it as they would
    }
    if (!file.startsWith(assets)) return next();
    // Brotli first whenever accepted (smaller): browsers list it after gzip with the same weight.
    const encoding = ENCODINGS.find(
      (candidate) => request.acceptsEncodings(candidate.name) === candidate.name,
    );
    if (!encoding || !fs.existsSync(file + encoding.suffix)) return next();
    response.setHeader('Content-Encoding', encoding.name);
    response.setHeader('Vary', 'Accept-Encoding');
    response.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    response.type(path.extname(file));
    response.sendFile(file + encoding.suffix, (error) => error && next(error));
  };
}
