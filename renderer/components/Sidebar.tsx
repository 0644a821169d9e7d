import { SECTIONS } from '../sections';
import { useRoute } from '../stores/route-store';
import { useSeasonsStore } from '../stores/seasons-store';
import { useWatch } from '../stores/live';
import { preloadScreen } from '../screen-registry';

export function Sidebar() {
  const { section, go } = useRoute();
  const season = useSeasonsStore((s) => s.overview?.active.label);
  useWatch(useSeasonsStore);
  return (
    <nav className="sidebar" aria-label="Sections">
      <div className="brand">
        <span className="brand-mark" aria-hidden>
          PT
        </span>
        <span>
          <strong>Prelim Tracker</strong>
          <small>{season ?? '\u00a0'}</small>
        </span>
      </div>
      <ul>
        {SECTIONS.map(({ id, label, icon: Icon }) => (
          <li key={id}>
            <a
              href={`#/${id}`}
              className={section === id ? 'active' : undefined}
              aria-current={section === id ? 'page' : undefined}
              // The screen's code is fetched while the pointer or focus is on its link.
              onMouseEnter={() => void preloadScreen(id)}
              onFocus={() => void preloadScreen(id)}
              onClick={(e) => {
                e.preventDefault();
                go(id);
              }}
            >
              <Icon size={18} aria-hidden />
              <span>{label}</span>
            </a>
          </li>
        ))}
      </ul>
      <p className="sidebar-foot">Your data stays on this computer.</p>
    </nav>
  );
}
