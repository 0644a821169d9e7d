// Remembers the window's size and position between launches, and keeps a restored window
// on a screen that still exists.
import fs from 'node:fs';
import path from 'node:path';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface WindowState {
  bounds: Rect;
  maximized: boolean;
}

export const DEFAULT_SIZE = { width: 1280, height: 820 };
export const MIN_SIZE = { width: 960, height: 640 };

export function loadWindowState(file: string): WindowState | null {
  try {
    const raw = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<WindowState>;
    const b = raw.bounds;
    if (!b || ![b.x, b.y, b.width, b.height].every((n) => Number.isFinite(n))) return null;
    return { bounds: b, maximized: raw.maximized === true };
  } catch {
    return null;
  }
}

export function saveWindowState(file: string, state: WindowState): void {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, JSON.stringify(state));
  fs.renameSync(tmp, file);
}

/** Returns bounds that are visible on one of the work areas, or null to let the OS place the window. */
export function fitToDisplays(bounds: Rect, workAreas: Rect[]): Rect | null {
  const width = Math.max(MIN_SIZE.width, bounds.width);
  const height = Math.max(MIN_SIZE.height, bounds.height);
  const visible = workAreas.find(
    (a) => bounds.x < a.x + a.width - 100 && bounds.x + width > a.x + 100 && bounds.y >= a.y - 10 && bounds.y < a.y + a.height - 100,
  );
  if (!visible) return null;
  return { x: bounds.x, y: bounds.y, width: Math.min(width, visible.width), height: Math.min(height, visible.height) };
}
