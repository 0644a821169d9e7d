// Chart colours from the app's CSS variables, re-read when the system switches between
// light and dark, so the SVG charts stay readable in both.
import { useEffect, useState } from 'react';

export interface ThemeColors {
  accent: string;
  text: string;
  text2: string;
  border: string;
  surface: string;
  surface2: string;
  ok: string;
  warn: string;
  danger: string;
  tier1: string;
  tier3: string;
}

const FALLBACK: ThemeColors = { accent: '#2f5bd3', text: '#1c2430', text2: '#5b6675', border: '#e2e6ec', surface: '#ffffff', surface2: '#f1f3f6', ok: '#1f7a4d', warn: '#9a6100', danger: '#c2372f', tier1: '#1d4ed8', tier3: '#0f766e' };

export function readThemeColors(): ThemeColors {
  if (typeof document === 'undefined' || typeof getComputedStyle === 'undefined') return FALLBACK;
  const css = getComputedStyle(document.documentElement);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    accent: v('--accent', FALLBACK.accent),
    text: v('--text', FALLBACK.text),
    text2: v('--text-2', FALLBACK.text2),
    border: v('--border', FALLBACK.border),
    surface: v('--surface', FALLBACK.surface),
    surface2: v('--surface-2', FALLBACK.surface2),
    ok: v('--ok', FALLBACK.ok),
    warn: v('--warn', FALLBACK.warn),
    danger: v('--danger', FALLBACK.danger),
    tier1: v('--tier1', FALLBACK.tier1),
    tier3: v('--tier3', FALLBACK.tier3),
  };
}

export function useThemeColors(): ThemeColors {
  const [colors, setColors] = useState(readThemeColors);
  useEffect(() => {
    if (typeof matchMedia === 'undefined') return undefined;
    const mq = matchMedia('(prefers-color-scheme: dark)');
    const onChange = () => setColors(readThemeColors());
    mq.addEventListener('change', onChange);
    return () => mq.removeEventListener('change', onChange);
  }, []);
  return colors;
}
