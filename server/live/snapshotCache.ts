import { gzip, gzipSync } from 'node:zlib';
import type { PictureState } from '../../shared/protocol.js';
import { liveOf, type CatalogRef } from '../../shared/catalog.js';
import { textFrameHeader, type EncodedEvent } from './frames.js';

/** A `state:snapshot` event encoded once, for every joiner of a tick (and of the next second: see `latest`). */
export interface EncodedSnapshot extends EncodedEvent {
  frame: [Buffer, Buffer];
  seq: number;
  serverTime: number;
  /** When it was ready, on the same clock: `serverTime` plus what the encoding took. Joiners get it for `maxAgeMs` after. */
  readyAt: number;
  /** The picture's JSON before the gzip, for those who measure what it saved. */
  jsonBytes: number;
}

/** Keys of the picture that hold entities by id; each entity object is replaced, never mutated, when it changes. */
const BY_ID = new Set(['cells', 'checkpoints', 'teams', 'tasks', 'incidents', 'days']);
/** Members per cached run of a table. */
const CHUNK = 256;
/** Below this much JSON the gzip runs at once (well under a millisecond); above it, on libuv's pool. */
const GZIP_INLINE_BYTES = 64 * 1024;

/** A run of a table's members: the ids and entity objects it was made from, and its UTF-8. */
interface Chunk {
  ids: readonly string[];
  entities: readonly object[];
  bytes: Buffer;
}
/** A run to encode: the ids and entities a table held when the encoding began. */
interface Run {
  ids: string[];
  entities: object[];
}
/** One encoding under way: the picture's pieces as they were at its seq, turned into bytes run by run. */
interface Job {
  seq: number;
  serverTime: number;
  /** performance.now() when it began. */
  startedAt: number;
  head: string;
  /** Fixed text, or a table's runs (replaced by its chunks as they are built). */
  pieces: (string | { key: string; runs: Run[]; project: (e: object) => object; done: Chunk[] })[];
  at: number;
}

/**
 * Serializes the snapshot for joiners, packed (`PackedSnapshot`: the picture's JSON gzipped, base64
 * in `stateGz`; ~20× smaller for the bench world, ~80 KB instead of 1.4 MB per joiner). Each
 * entity's JSON is kept until the fold replaces the entity, and each table in runs of CHUNK members
 * rebuilt only where an entity was replaced, so a new seq re-stringifies only what changed; the
 * packet and its WebSocket frame are built once per seq and shared by every joiner.
 *
 * `encode` does it all at once. `begin` does it in slices of `sliceMs` between turns of the event
 * loop, with the gzip on libuv's pool, so a join storm under load never holds the loop for the
 * whole picture: the tables are captured (ids and entity objects, which the fold replaces but
 * never mutates) when it begins, so the result is the picture exactly at that seq.
 */
export class SnapshotCache {
  /** Each entity's `"id":{…}` member, until the fold replaces the entity. */
  private readonly json = new WeakMap<object, { id: string; text: string }>();
  /** Each table's members in runs (see `runsOf`). */
  private readonly chunks = new Map<string, Chunk[]>();
  private last: EncodedSnapshot | null = null;
  private job: Job | null = null;

  /**
   * @param maxAgeMs how long a packet is reused, so its time stays honest: for its own seq (`peek`) from its `serverTime`, for any joiner (`latest`) from when it was ready. @default 1000
   * @param sliceMs how long one turn of the event loop may spend on a `begin` encoding. @default 4
   */
  constructor(
    readonly maxAgeMs = 1000,
    private readonly sliceMs = 4,
  ) {}

  /** The packet already built for this seq, if it is fresh enough. */
  peek(seq: number, serverTime: number): EncodedSnapshot | null {
    const last = this.last;
    return last && last.seq === seq && serverTime - last.serverTime < this.maxAgeMs ? last : null;
  }

  /**
   * The last packet built, whatever its seq, for `maxAgeMs` after it was ready (an encoding that took
   * longer than that is still handed out); a joiner gets it plus what changed since.
   */
  latest(serverTime: number): EncodedSnapshot | null {
    const last = this.last;
    return last && serverTime - last.readyAt < this.maxAgeMs ? last : null;
  }

  /** Whether a `begin` encoding is under way. */
  get busy(): boolean {
    return this.job !== null;
  }

  /** Encodes the picture at `state.seq` now (or returns the packet already built for it). */
  encode(state: PictureState, serverTime: number, logId: string, catalog: CatalogRef): EncodedSnapshot {
    const last = this.peek(state.seq, serverTime);
    if (last) return last;
    const job = this.capture(state, serverTime, logId, catalog);
    this.advance(job, Infinity);
    const json = this.join(job);
    return this.finish(job, gzipSync(json, { level: 1 }), json.length);
  }

  /**
   * Starts encoding the picture at `state.seq` in slices; `latest` has it once done, and `done` is
   * called then (or with the error). Does nothing while an encoding is under way.
   */
  begin(state: PictureState, serverTime: number, logId: string, catalog: CatalogRef, done: (err?: Error) => void = () => undefined): void {
    if (this.job || this.peek(state.seq, serverTime)) return;
    const job = this.capture(state, serverTime, logId, catalog);
    this.job = job;
    const step = () => {
      if (this.job !== job) return;
      if (!this.advance(job, this.sliceMs)) return void setImmediate(step);
      const json = this.join(job);
      const packed = (err: Error | null, gz: Buffer) => {
        this.job = null;
        if (err) return done(err);
        this.finish(job, gz, json.length);
        done();
      };
      if (json.length <= GZIP_INLINE_BYTES) packed(null, gzipSync(json, { level: 1 }));
      else gzip(json, { level: 1 }, packed);
    };
    step();
  }

  /** The tables as they are now: their ids and entity objects in runs, and everything else as text. */
  private capture(state: PictureState, serverTime: number, logId: string, catalog: CatalogRef): Job {
    const head = `2["state:snapshot",{"logId":${JSON.stringify(logId)},"seq":${state.seq},"serverTime":${serverTime},"catalog":${JSON.stringify(catalog)},"stateGz":"`;
    const job: Job = { seq: state.seq, serverTime, startedAt: performance.now(), head, pieces: ['{'], at: 0 };
    let first = true;
    for (const [key, value] of Object.entries(state)) {
      if (value === undefined) continue;
      job.pieces.push(`${first ? '' : ','}${JSON.stringify(key)}:`);
      first = false;
      if (!BY_ID.has(key)) {
        job.pieces.push(JSON.stringify(value));
        continue;
      }
      const project = (key === 'cells' ? liveOf : (e: object) => e) as (e: object) => object;
      job.pieces.push('{', { key, runs: runsOf(value as Record<string, object>), project, done: [] }, '}');
    }
    job.pieces.push('}');
    return job;
  }

  /** Builds runs (at least one) until `budgetMs` is spent; true once every table is done. */
  private advance(job: Job, budgetMs: number): boolean {
    const started = performance.now();
    let built = 0;
    for (; job.at < job.pieces.length; job.at++) {
      const piece = job.pieces[job.at]!;
      if (typeof piece === 'string') continue;
      const before = this.chunks.get(piece.key) ?? [];
      while (piece.done.length < piece.runs.length) {
        if (built++ > 0 && performance.now() - started > budgetMs) return false;
        const { ids, entities } = piece.runs[piece.done.length]!;
        const old = before[piece.done.length];
        piece.done.push(old && sameRun(old, ids, entities) ? old : this.chunk(ids, entities, piece.project));
      }
      this.chunks.set(piece.key, piece.done);
    }
    return true;
  }

  /** The picture's JSON: unchanged runs bring their UTF-8 along, so 1.4 MB is not re-encoded. */
  private join(job: Job): Buffer {
    const parts: Buffer[] = [];
    for (const p of job.pieces) {
      if (typeof p === 'string') parts.push(Buffer.from(p));
      else p.done.forEach((c, i) => parts.push(...(i ? [COMMA, c.bytes] : [c.bytes])));
    }
    return Buffer.concat(parts);
  }

  private finish(job: Job, gz: Buffer, jsonBytes: number): EncodedSnapshot {
    const packet = `${job.head}${gz.toString('base64')}"}]`;
    // 4: an engine.io message.
    const payload = Buffer.from(`4${packet}`);
    const readyAt = job.serverTime + Math.round(performance.now() - job.startedAt);
    this.last = { seq: job.seq, serverTime: job.serverTime, readyAt, packet, frame: [textFrameHeader(payload.length), payload], jsonBytes };
    return this.last;
  }

  private chunk(ids: readonly string[], entities: readonly object[], project: (e: object) => object): Chunk {
    const members = entities.map((entity, i) => {
      const id = ids[i]!;
      let member = this.json.get(entity);
      if (member === undefined || member.id !== id) {
        member = { id, text: `${JSON.stringify(id)}:${JSON.stringify(project(entity))}` };
        this.json.set(entity, member);
      }
      return member.text;
    });
    return { ids, entities, bytes: Buffer.from(members.join(',')) };
  }
}

const COMMA = Buffer.from(',');

/**
 * A table's ids and entities in runs of CHUNK. A run is rebuilt only when one of its entities was
 * replaced (or ids moved); new entities are appended, so mostly the last run changes.
 */
function runsOf(table: Record<string, object>): Run[] {
  const runs: Run[] = [];
  let run: Run = { ids: [], entities: [] };
  for (const id in table) {
    run.ids.push(id);
    run.entities.push(table[id]!);
    if (run.ids.length === CHUNK) {
      runs.push(run);
      run = { ids: [], entities: [] };
    }
  }
  if (run.ids.length) runs.push(run);
  return runs;
}

function sameRun(chunk: Chunk, ids: readonly string[], entities: readonly object[]): boolean {
  if (chunk.ids.length !== ids.length) return false;
  for (let i = 0; i < ids.length; i++) if (chunk.ids[i] !== ids[i] || chunk.entities[i] !== entities[i]) return false;
  return true;
}
