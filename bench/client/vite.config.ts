import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const here = path.dirname(fileURLToPath(import.meta.url));

/** The client bench page, built apart from the app: `vite build --config bench/client/vite.config.ts`. */
export default defineConfig({
  root: here,
  base: './',
  build: { outDir: path.resolve(here, '../../node_modules/.cache/gridcommand-bench/client'), emptyOutDir: true, minify: true },
  logLevel: 'warn',
});
