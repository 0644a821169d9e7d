// Times on the SOAP screen: Eastern time (what NRMP announces) with the user's own time.
import { formatInZone, userTimeZone } from '../../components/format';

export const EASTERN = 'America/New_York';

export function easternAndLocal(iso: string): { et: string; local: string; sameZone: boolean } {
  const d = new Date(iso);
  const zone = userTimeZone();
  return { et: formatInZone(d, EASTERN, { withYear: false }), local: formatInZone(d, zone, { withYear: false }), sameZone: zone === EASTERN };
}

export function WhenText({ iso }: { iso: string }) {
  const t = easternAndLocal(iso);
  return (
    <span className="soap-when">
      <time dateTime={iso}>{t.et}</time>
      {t.sameZone ? null : <span className="muted"> · your time {t.local}</span>}
    </span>
  );
}
