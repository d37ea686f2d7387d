import { gunzipSync } from 'node:zlib';
import type { PackedSnapshot, WireSnapshot } from '../../shared/catalog.js';

/** What the shared `openSnapshot` does, synchronously (Node only), for tests that must keep arrival order. */
export function openSnapshotSync({ stateGz, ...rest }: PackedSnapshot): WireSnapshot {
  return { ...rest, state: JSON.parse(gunzipSync(Buffer.from(stateGz, 'base64')).toString()) as WireSnapshot['state'] };
}
