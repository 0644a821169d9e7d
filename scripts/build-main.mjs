// Bundles the main process, the preload and the browser-mode host with esbuild.
// The preload is one CommonJS file that needs only 'electron', so the sandbox stays on.
import { build } from 'esbuild';

const common = { bundle: true, platform: 'node', target: 'node20', sourcemap: true, logLevel: 'warning', external: ['electron', 'better-sqlite3'] };

await Promise.all([
  build({ ...common, entryPoints: ['electron/shell/main.ts'], outfile: 'dist/electron/main.cjs', format: 'cjs' }),
  build({ ...common, entryPoints: ['electron/shell/preload.ts'], outfile: 'dist/electron/preload.cjs', format: 'cjs' }),
  build({
    ...common,
    entryPoints: ['electron/web/host.ts'],
    outfile: 'dist/web/host.mjs',
    format: 'esm',
    // Browser mode runs next to node_modules: the spreadsheet libraries stay out of the bundle
    // and load from there on the first import or export that needs them (~10 MB less at start).
    external: [...common.external, 'exceljs', 'jszip'],
    // better-sqlite3 is CommonJS; give the ESM bundle a require() for it.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  }),
]);
