import { chromium } from 'playwright-core';
// Usage: node scripts/dev/screenshot.mjs URL OUT.png [#/hash] [width] [height]; SCHEME=dark for the dark theme.
const [,, url, out, hash, w, h] = process.argv;
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox','--disable-gpu','--disable-background-networking','--disable-component-update'] });
const page = await browser.newPage({ viewport: { width: Number(w||1360), height: Number(h||860) }, colorScheme: process.env.SCHEME === 'dark' ? 'dark' : 'light' });
page.on('console', m => console.log('console:', m.type(), m.text()));
page.on('pageerror', e => console.log('pageerror:', e.message));
await page.goto(url + (hash||''));
await page.waitForTimeout(Number(process.env.WAIT_MS ?? 1500));
await page.screenshot({ path: out, fullPage: false });
await browser.close();
