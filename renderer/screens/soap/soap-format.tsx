// Times on the SOAP screen: Eastern time (what NRMP announces) with the user's own time.
export const EASTERN = 'America/New_York';

const etFormat = new Intl.DateTimeFormat('en-US', { timeZone: EASTERN, weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });
const localFormat = new Intl.DateTimeFormat(undefined, { weekday: 'short', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZoneName: 'short' });

export function easternAndLocal(iso: string): { et: string; local: string; sameZone: boolean } {
  const d = new Date(iso);
  const et = etFormat.format(d);
  const local = localFormat.format(d);
  const sameZone = Intl.DateTimeFormat().resolvedOptions().timeZone === EASTERN;
  return { et, local, sameZone };
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
