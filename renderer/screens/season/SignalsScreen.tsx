// Signals and the geographic preference of the 2027 season (docs/DOMAIN.md §6, §7).
import { useState } from 'react';
import { useWatch } from '../../stores/live';
import type { Notice } from '../../components/Notice';
import { ScreenHeader } from '../../components/ScreenHeader';
import { LoadErrorBanner } from '../../components/Notice';
import { useSignalsStore } from '../../stores/signals-store';
import { GeoPreferenceCard } from './GeoPreferenceCard';
import { SignalsCard } from './SignalsCard';
import './season.css';

export default function SignalsScreen() {
  const { loaded, loadError, load, geo } = useSignalsStore();
  useWatch(useSignalsStore);
  const [geoNotice, setGeoNotice] = useState<Notice | null>(null);
  return (
    <div className="screen">
      <ScreenHeader title="Signals & geography" subtitle="What ERAS lets you tell programs this season: up to 15 signals and a geographic preference." />
      {loadError ? <LoadErrorBanner message={loadError} onRetry={() => void load()} /> : null}
      {loaded ? (
        <>
          <GeoPreferenceCard key={geo.updatedAt ?? 'none'} notice={geoNotice} setNotice={setGeoNotice} />
          <SignalsCard />
        </>
      ) : (
        <p className="muted">Loading…</p>
      )}
    </div>
  );
}
