import path from 'node:path';
import { build } from 'esbuild';
import { CACHE_DIR, REPO } from './paths.js';

export interface Bundles {
  server: string;
  load: string;
  timeTravel: string;
}

/**
 * Production bundles of the bench children: the server code as it ships (no tsx loader, no source
 * maps), dependencies left to node_modules. Built fresh on every `npm run bench`, in about a second.
 */
export async function buildBundles(): Promise<Bundles> {
  const outdir = path.join(CACHE_DIR, 'build');
  await build({
    entryPoints: {
      server: path.join(REPO, 'bench/servers/main.ts'),
      load: path.join(REPO, 'bench/load/main.ts'),
      timeTravel: path.join(REPO, 'bench/servers/timeTravel.ts'),
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    sourcemap: false,
    logLevel: 'warning',
    define: { 'process.env.NODE_ENV': '"production"' },
  });
  return {
    server: path.join(outdir, 'server.mjs'),
    load: path.join(outdir, 'load.mjs'),
    timeTravel: path.join(outdir, 'timeTravel.mjs'),
  };
}
