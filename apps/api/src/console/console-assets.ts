import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';

/**
 * The console's own policy: its script and style from this origin only, its data from /graphql and
 * the download routes of the same origin, and QR codes as images from the notice route. No inline
 * script or style, nothing from elsewhere (no CDN, no web fonts).
 */
export const CONSOLE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "font-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** The project's root: the nearest folder up from here with a package.json (source in tests, dist in production). */
function projectRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const up = dirname(dir);
    if (up === dir) throw new Error('The project root (package.json) was not found above the API');
    dir = up;
  }
  return dir;
}

/** Where `npm run build` writes the console (apps/console/build.mjs); CONSOLE_DIR overrides it. */
export function consoleDir(): string {
  return process.env.CONSOLE_DIR ? resolve(process.env.CONSOLE_DIR) : join(projectRoot(), 'dist', 'console');
}

/**
 * Serves the console at /console: index.html (never cached, so a new build is picked up) and its
 * hashed assets (cached for a year). The folder is looked up on each request for the page, so a
 * console built after the API started is served; before any build, a page says how to build it.
 */
export function consoleRoutes(): express.Router {
  const router = express.Router();
  const dir = consoleDir();
  router.use((_req: Request, res: Response, next: NextFunction) => {
    res.setHeader('Content-Security-Policy', CONSOLE_CSP);
    next();
  });
  router.get('/', (_req: Request, res: Response) => {
    const index = join(dir, 'index.html');
    if (!existsSync(index)) {
      res.status(503).type('text/plain; charset=utf-8').send('The console is not built: run `npm run build` (it writes dist/console), then reload.\n控制台尚未构建：请运行 npm run build 后刷新。\n');
      return;
    }
    res.setHeader('Cache-Control', 'no-cache');
    res.type('html').send(readFileSync(index));
  });
  // The build writes app-<hash>.js.gz beside app-<hash>.js: sent as is where the browser takes gzip.
  router.get(/^\/[\w-]+\.(js|css)$/, (req: Request, res: Response, next: NextFunction) => {
    const gz = join(dir, `${req.path.slice(1)}.gz`);
    res.vary('Accept-Encoding');
    if (!req.acceptsEncodings('gzip') || !existsSync(gz)) return next();
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Cache-Control', 'public, max-age=31536000, immutable');
    res.type(req.path.endsWith('.js') ? 'text/javascript; charset=utf-8' : 'text/css; charset=utf-8').sendFile(gz);
  });
  router.use(express.static(dir, { index: false, immutable: true, maxAge: '365d', fallthrough: true }));
  return router;
}
