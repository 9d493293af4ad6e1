// Canonical URL keys: the same page reached through http/https, www, AMP, tracking parameters or
// sidebar pagination is one page.

const TRACKING = /^(utm_[a-z]+|fbclid|gclid|yclid|mc_cid|mc_eid|_ga|ref|page)$/i;

/** A stable key for a page URL: https, no www, no tracking/pagination params, no AMP, no trailing slash. */
export function canonicalUrl(raw: string): string {
  let u: URL;
  try {
    u = new URL(raw.trim());
  } catch {
    return raw.trim();
  }
  u.protocol = 'https:';
  u.hostname = u.hostname.toLowerCase().replace(/^www\./, '');
  u.port = '';
  u.hash = '';
  for (const key of [...u.searchParams.keys()]) if (TRACKING.test(key)) u.searchParams.delete(key);
  u.searchParams.sort();
  u.pathname = u.pathname.replace(/(\/amp\/?|\.amp)$/, '').replace(/\/+$/, '') || '/';
  return u.toString().replace(/\/\?/, '?').replace(/\/$/, '');
}
