import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import path from 'node:path';

// `npm run dev` (scripts/dev.mjs) sets these: the browser-mode host to send /api to, and its token.
const devApi = process.env.PRELIM_DEV_API;
const devToken = process.env.PRELIM_DEV_TOKEN;

/**
 * Dev server only: gives the page the host's token (as the host does for the built page) and
 * drops the Content-Security-Policy meta, whose script-src 'self' would block Vite's inline
 * hot-reload preamble. The built app keeps its CSP.
 */
function devHost(): Plugin {
  return {
    name: 'prelim-dev-host',
    apply: 'serve',
    transformIndexHtml(html) {
      const withoutCsp = html.replace(/\s*<meta http-equiv="Content-Security-Policy"[^>]*>/, '');
      return devToken ? withoutCsp.replace('<head>', `<head>\n    <meta name="prelim-token" content="${devToken}">`) : withoutCsp;
    },
  };
}

const treeshake = {
  // shared/ is pure (docs/ARCHITECTURE.md): importing one of its modules does nothing but
  // define its exports, so a screen loads only the modules whose exports it uses (the
  // Dashboard, which shows application statuses, does not load their zod schemas).
  moduleSideEffects: (id: string) => (/[\\/]shared[\\/]/.test(id) ? false : undefined),
};

export default defineConfig(({ isSsrBuild }) => ({
  root: path.resolve(import.meta.dirname),
  base: './',
  plugins: [react(), devHost()],
  // The browser-mode host's drawing of the first screen (`vite build --ssr first-screen-server.tsx`,
  // renderer/first-screen-server.tsx): one self-contained module for Node, React's production
  // build included, so the host needs nothing from node_modules or NODE_ENV to load it.
  ...(isSsrBuild ? { ssr: { noExternal: true, target: 'node' as const }, define: { 'process.env.NODE_ENV': JSON.stringify('production') } } : {}),
  server: devApi
    ? {
        proxy: {
          // The host answers only its own Host and Origin: present the requests as its own.
          '/api': {
            target: devApi,
            changeOrigin: true,
            configure: (proxy) => {
              proxy.on('proxyReq', (req) => req.removeHeader('origin'));
            },
          },
        },
      }
    : {},
  build: isSsrBuild
    ? {
        outDir: path.resolve(import.meta.dirname, '../dist/first-screen'),
        emptyOutDir: true,
        sourcemap: true,
        rolldownOptions: { treeshake },
      }
    : {
        outDir: path.resolve(import.meta.dirname, '../dist/renderer'),
        emptyOutDir: true,
        sourcemap: true,
        // Screens are loaded on demand (App.tsx); a chunk over this size is worth a look.
        chunkSizeWarningLimit: 450,
        rolldownOptions: { treeshake },
      },
}));
