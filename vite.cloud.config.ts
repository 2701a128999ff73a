import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig } from 'vite';

/**
 * The admin cloud's console: served by the cloud API at `/` (src-cloud/server/console-static.ts), so
 * absolute asset paths, and a history router whose deep links the server answers with index.html.
 */
export default defineConfig({
  root: 'src-cloud/console',
  base: '/',
  plugins: [react()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: '../../dist/cloud-console',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
