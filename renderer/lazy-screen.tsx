// A screen loaded only when it is first opened (its code is a separate chunk).
import { Suspense, lazy, type ComponentType } from 'react';

export function lazyScreen(load: () => Promise<{ default: ComponentType }>): ComponentType {
  const Screen = lazy(load);
  return function LazyScreen() {
    return (
      <Suspense fallback={<p className="muted">Loading…</p>}>
        <Screen />
      </Suspense>
    );
  };
}
