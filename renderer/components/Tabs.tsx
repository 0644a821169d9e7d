// A row of view tabs (role="tablist"): the screens switch between their views with it.
export function Tabs<T extends string>({ label, tabs, value, onChange }: { label: string; tabs: readonly (readonly [T, string])[]; value: T; onChange: (id: T) => void }) {
  return (
    <div className="tabs" role="tablist" aria-label={label}>
      {tabs.map(([id, text]) => (
        <button key={id} type="button" role="tab" aria-selected={value === id} className={value === id ? 'active' : undefined} onClick={() => onChange(id)}>
          {text}
        </button>
      ))}
    </div>
  );
}
