// The time zone a program's times are given in (interviews, invitations): every IANA zone
// the browser knows, the US ones first (where the programs are).
import { useMemo } from 'react';
import { Field } from '../../components/form';
import { timeZoneOptions } from './pipeline-format';

export function TimeZoneField({ label, value, error, onChange }: { label: string; value: string; error?: string | undefined; onChange: (zone: string) => void }) {
  const zones = useMemo(() => timeZoneOptions(), []);
  return (
    <Field label={label} name="timeZone" error={error}>
      {(id, d) => (
        <select id={id} name="timeZone" value={value} aria-describedby={d} onChange={(e) => onChange(e.target.value)}>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z.replace(/_/g, ' ')}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
