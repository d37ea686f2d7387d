import type { Request, Response } from 'express';
import type { PictureState } from '../../../shared/protocol.js';
import type { Ledger } from '../../ledger/ledger.js';
import { stateAt, type StateCache } from '../../history/timeTravel.js';
import { BadQuery, momentOf } from './query.js';

export interface V1Deps {
  ledger: Ledger;
  /** @default Date.now */
  now?: () => number;
  /** Shown in the OpenAPI document. @default '1' */
  version?: string;
  /** Recent historical states, shared by all requests. @default a StateCache of 4 */
  cache?: StateCache;
}

/** What a handler gets: the parsed path and query, and the picture at the moment the query asks for. */
export interface Ctx {
  req: Request;
  res: Response;
  params: Record<string, string>;
  query: Record<string, unknown>;
  ledger: Ledger;
  now: () => number;
  picture: () => Promise<Picture>;
}
export type Handler = (ctx: Ctx) => Promise<void> | void;

/** A picture and where in the log it stands. */
export interface Picture {
  seq: number;
  /** Server time of the event at `seq` for a past moment; now for the live picture. */
  serverTime: number;
  state: PictureState;
}

/** The live state, or the state at `?at` / `?seq` rebuilt from the log. */
export async function pictureFor(q: { at?: number; seq?: number }, ledger: Ledger, now: () => number, cache: StateCache): Promise<Picture> {
  const moment = momentOf(q);
  if (!moment) return { seq: ledger.state.seq, serverTime: now(), state: ledger.state };
  const last = await ledger.store.lastSeq();
  if ('seq' in moment && moment.seq > last) throw new BadQuery(`bad query: seq ${moment.seq} is after the last event (${last})`);
  const state = await stateAt(ledger.store, moment, { cache });
  let serverTime = now();
  for await (const e of ledger.store.readEvents(state.seq - 1, state.seq)) serverTime = e.serverTime;
  return { seq: state.seq, serverTime, state };
}
