import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { isAllowedExternalUrl } from '../../electron/external-links';
import { defaultDataDir } from '../../electron/paths';
import { fitToDisplays, loadWindowState, saveWindowState } from '../../electron/window-state';
import { tempDir } from './helpers';

describe('external links', () => {
  it.each([
    ['https://www.nrmp.org/match-data/', true],
    ['mailto:coordinator@hospital.org?subject=Interest', true],
    ['http://example.com', false],
    ['file:///etc/passwd', false],
    ['javascript:alert(1)', false],
    ['https://user:pw@example.com', false],
    ['prelim://x', false],
    ['not a url', false],
  ])('%s -> %s', (url, allowed) => expect(isAllowedExternalUrl(url)).toBe(allowed));
});

describe('data folder', () => {
  it('matches Electron userData for "Prelim Tracker" on each OS', () => {
    expect(defaultDataDir('linux', {}, '/home/a')).toBe(path.join('/home/a', '.config', 'Prelim Tracker'));
    expect(defaultDataDir('linux', { XDG_CONFIG_HOME: '/x' }, '/home/a')).toBe(path.join('/x', 'Prelim Tracker'));
    expect(defaultDataDir('darwin', {}, '/Users/a')).toBe(path.join('/Users/a', 'Library', 'Application Support', 'Prelim Tracker'));
    expect(defaultDataDir('win32', { APPDATA: 'C:\\Users\\a\\AppData\\Roaming' }, 'C:\\Users\\a')).toContain('Prelim Tracker');
    expect(defaultDataDir('linux', { PRELIM_TRACKER_DATA_DIR: '/data' }, '/home/a')).toBe('/data');
  });
});

describe('window state', () => {
  it('round-trips through a file and ignores a corrupt one', () => {
    const file = path.join(tempDir(), 'ws.json');
    expect(loadWindowState(file)).toBeNull();
    saveWindowState(file, { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true });
    expect(loadWindowState(file)).toEqual({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true });
    saveWindowState(file, { bounds: { x: Number.NaN, y: 0, width: 1, height: 1 }, maximized: false });
    expect(loadWindowState(file)).toBeNull();
  });
  it('keeps a restored window on a screen that exists', () => {
    const screen = { x: 0, y: 0, width: 1920, height: 1080 };
    expect(fitToDisplays({ x: 100, y: 100, width: 1200, height: 800 }, [screen])).toEqual({ x: 100, y: 100, width: 1200, height: 800 });
    expect(fitToDisplays({ x: 4000, y: 100, width: 1200, height: 800 }, [screen])).toBeNull();
    expect(fitToDisplays({ x: 0, y: 0, width: 5000, height: 3000 }, [screen])).toEqual({ x: 0, y: 0, width: 1920, height: 1080 });
  });
});
