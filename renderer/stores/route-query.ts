// Opening a screen with a filter: the filter travels in the URL hash ("#/programs?tier=tier2"),
// so a reload keeps it and every screen can read it when it mounts.
import { useRoute, type SectionId } from './route-store';

export function openSection(section: SectionId, query: Record<string, string> = {}): void {
  const q = new URLSearchParams(query).toString();
  // Through the route store, so a screen with unsaved changes asks first.
  useRoute.getState().navigate(`#/${section}${q ? `?${q}` : ''}`);
}

/** The query part of the hash ("tier=tier2" in "#/programs?tier=tier2"). */
export function hashQuery(): URLSearchParams {
  if (typeof location === 'undefined') return new URLSearchParams();
  const i = location.hash.indexOf('?');
  return new URLSearchParams(i < 0 ? '' : location.hash.slice(i + 1));
}
