// The one rule for links leaving the app: only https: pages and mailto: addresses are
// handed to the operating system; everything else (file:, javascript:, http:, custom
// schemes) is refused.
export function isAllowedExternalUrl(raw: string): boolean {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol === 'https:') return url.hostname !== '' && url.username === '' && url.password === '';
  if (url.protocol === 'mailto:') return url.pathname !== '' || url.search !== '';
  return false;
}

/**
 * Whether url is the app's own page: the index.html the shell loaded (appPageUrl, a file: URL),
 * whatever its #route or ?query. Any other file: page (a downloaded .html, another folder) is not.
 */
export function isAppPageUrl(raw: string, appPageUrl: string): boolean {
  let url: URL;
  let app: URL;
  try {
    url = new URL(raw);
    app = new URL(appPageUrl);
  } catch {
    return false;
  }
  return url.protocol === 'file:' && app.protocol === 'file:' && url.host === app.host && decodeURIComponent(url.pathname) === decodeURIComponent(app.pathname);
}
