import react from '@vitejs/plugin-react';
import postcssPresetMantine from 'postcss-preset-mantine';
import { defineConfig } from 'vite';

/** The renderer bundle: loaded from app:// in Electron and from http://127.0.0.1 by the host, hence relative paths. */
export default defineConfig({
  root: 'src-renderer',
  base: './',
  plugins: [react()],
  css: { postcss: { plugins: [postcssPresetMantine()] } },
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    chunkSizeWarningLimit: 2000,
  },
});
