import type { Section } from '../sections';
import { ScreenHeader } from '../components/ScreenHeader';

export function ComingSoon({ section }: { section: Section }) {
  const Icon = section.icon;
  return (
    <>
      <ScreenHeader title={section.label} />
      <div className="coming-soon">
        <Icon size={32} aria-hidden />
        <p>{section.comingSoon}</p>
        <p className="muted">Coming soon.</p>
      </div>
    </>
  );
}
