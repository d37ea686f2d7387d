import { useEffect, useRef, useState } from 'react';
import { applySnapshot, type WallState } from '../../state/picture.js';
import { fetchStateAt } from '../api.js';
import { continueTrails, createPastLoader, type PastLoader } from '../model/pastPicture.js';

/** What the console shows while replaying: the picture at the cursor, once loaded. */
export interface PastPicture {
  picture: WallState | null;
  loading: boolean;
  failed: boolean;
}

/**
 * The picture at `seq` (null = live, nothing loaded), through the same `applySnapshot` as the live
 * socket, so every layer, KPI and chart reads it exactly as it reads the live one.
 */
export function usePastPicture(seq: number | null): PastPicture {
  const loader = useRef<PastLoader | null>(null);
  const [picture, setPicture] = useState<WallState | null>(null);
  const [failed, setFailed] = useState(false);
  const replaying = seq !== null;
  useEffect(() => {
    if (!replaying) return;
    const l = createPastLoader(
      fetchStateAt,
      (snapshot) => {
        setFailed(false);
        setPicture((prev) => continueTrails(prev, applySnapshot(snapshot)));
      },
      (err) => {
        console.warn('past picture unavailable', err);
        setFailed(true);
      },
    );
    loader.current = l;
    return () => {
      l.close();
      loader.current = null;
      setPicture(null);
    };
  }, [replaying]);
  // Runs after the effect above (same commit, declaration order), so the loader exists.
  useEffect(() => {
    if (seq !== null) loader.current?.request(seq);
  }, [seq]);
  return { picture: replaying ? picture : null, loading: replaying && picture?.seq !== seq, failed };
}
