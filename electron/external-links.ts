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
