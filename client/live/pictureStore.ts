import type { Delta, Snapshot } from '../../shared/protocol.js';
import { applyDelta, applySnapshot, deltaFit, type WallState } from '../state/picture.js';

/** State of the link to the server, as the wall shows it. `signedOut`: refused for want of a session (final). */
export type LinkStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'signedOut';

/** What a page reads from the live connection. Replaced (never mutated) on every change. */
export interface LiveView {
  /** `null` until the first snapshot. */
  picture: WallState | null;
  status: LinkStatus;
  /** Client time (epoch ms) the last snapshot or delta arrived. */
  lastMessageAt: number | null;
}

/** Outcome of one delta: folded in, already held, or proof that we missed something. */
export type DeltaOutcome = 'applied' | 'stale' | 'gap';

/**
 * Holds the mirrored picture and notifies subscribers. No transport in here: `socket.ts` feeds it,
 * which keeps the seq and gap logic testable without a server.
 */
export class PictureStore {
  private view: LiveView = { picture: null, status: 'connecting', lastMessageAt: null };
  private log: string | undefined;
  private readonly listeners = new Set<() => void>();

  /** The seq to resume from on reconnect; 0 before the first snapshot. */
  get seq(): number {
    return this.view.picture?.seq ?? 0;
  }

  /** The server log our seq belongs to (from the last snapshot). */
  get logId(): string | undefined {
    return this.log;
  }

  readonly getView = (): LiveView => this.view;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  receiveSnapshot(snapshot: Snapshot, now: number): void {
    this.log = snapshot.logId;
    this.set({ picture: applySnapshot(snapshot), lastMessageAt: now });
  }

  /** On `gap` the picture is left as it was; the caller must resync. */
  receiveDelta(delta: Delta, now: number): DeltaOutcome {
    const picture = this.view.picture;
    // A delta before any snapshot cannot be placed: treat it as a gap and ask for a snapshot.
    const fit = picture ? deltaFit(picture.seq, delta) : 'gap';
    if (fit === 'gap' || !picture) return 'gap';
    if (fit === 'stale') {
      this.set({ lastMessageAt: now });
      return 'stale';
    }
    this.set({ picture: applyDelta(picture, delta), lastMessageAt: now });
    return 'applied';
  }

  setStatus(status: LinkStatus): void {
    if (status !== this.view.status) this.set({ status });
  }

  private set(patch: Partial<LiveView>): void {
    this.view = { ...this.view, ...patch };
    for (const l of this.listeners) l();
  }
}
