import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Repository root. */
export const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
/** Built bench bundles and the cached world: regenerated, never committed. */
export const CACHE_DIR = path.join(REPO, 'node_modules', '.cache', 'gridcommand-bench');
export const RESULTS_DIR = path.join(REPO, 'bench', 'results');
