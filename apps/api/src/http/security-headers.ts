import helmet from 'helmet';

type Directives = Record<string, string[] | null>;

/**
 * The staff console and the API: scripts only from our own origin (no inline scripts, no eval). Ant
 * Design writes its styles at run time (CSS-in-JS `<style>` elements and style attributes), so styles
 * alone may be inline. Images may be data:/blob: URLs (icons, downloaded files); nothing may frame us.
 */
export const CONSOLE_CSP: Directives = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'font-src': ["'self'", 'data:'],
  'connect-src': ["'self'"],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  // Plain-HTTP intranet installs must keep working: no forced upgrade to https.
  'upgrade-insecure-requests': null,
};

/** The public progress page: nothing by default; its own script, styles, queries and the notice PDFs. */
export const PUBLIC_PAGE_CSP: Directives = {
  'default-src': ["'none'"],
  'base-uri': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
  'img-src': ["'self'", 'blob:'],
  'connect-src': ["'self'"],
  'frame-ancestors': ["'none'"],
  'form-action': ["'self'"],
  'upgrade-insecure-requests': null,
};

/**
 * helmet with a strict Content-Security-Policy, `X-Content-Type-Options: nosniff`,
 * `Referrer-Policy: no-referrer` and framing refused twice (frame-ancestors 'none', X-Frame-Options DENY).
 */
export function securityHeaders(directives: Directives) {
  return helmet({
    contentSecurityPolicy: { useDefaults: false, directives },
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });
}
