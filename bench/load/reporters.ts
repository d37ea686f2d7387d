import http from 'node:http';
import type { BenchTokens, Design } from '../ipc.js';
import { Histogram } from './histogram.js';
import { RawClient } from './rawClient.js';
import type { Reports } from './tracker.js';

const ACK_SEQ = /"seq":(\d+)/;

export interface ReporterContext {
  design: Design;
  url: string;
  reports: Reports;
  /** Phase reports are attributed to (the generator's current phase). */
  phase: () => number;
  ackLatency: Histogram[];
  /** Called for every ack (ok or not) so phases can count. */
  onAck: (phase: number, ok: boolean, error?: string) => void;
  runTag: string;
}

/** Sends reports of one kind round-robin over its entities, as a socket or an OsmAnd HTTP device. */
export class Reporters {
  teamSockets: (RawClient | null)[] = [];
  private httpBusy: boolean[] = [];
  private readonly agent = new http.Agent({ keepAlive: true, maxSockets: 1000 });
  private offices: RawClient[] = [];
  private nextOffice = 0;
  sent = 0;
  deferred = 0;
  private counter = 0;

  constructor(
    private readonly ctx: ReporterContext,
    private readonly teams: string[],
    private readonly httpTeams: Set<string>,
    private readonly checkpoints: string[],
    private readonly cells: string[],
  ) {}

  /** Opens a field socket per socket team (ours: signed-in phone; naive: its reporter namespace) and a few office sockets. */
  async connect(sessions: Record<string, string>, tokens: BenchTokens | null, offices = 4): Promise<void> {
    const { design, url } = this.ctx;
    this.teamSockets = this.teams.map((id, i) => {
      if (this.httpTeams.has(id)) return null;
      const device = `bench-team-${i}`;
      return design === 'ours'
        ? new RawClient({ url, auth: { role: 'field', device }, headers: { cookie: `gc_field=${sessions[id]}` } })
        : new RawClient({ url, nsp: '/field', auth: { device } });
    });
    this.httpBusy = this.teams.map(() => false);
    this.offices = Array.from({ length: offices }, (_, k) =>
      design === 'ours' ? new RawClient({ url, auth: { device: `bench-office-${k}`, token: tokens?.office } }) : new RawClient({ url, nsp: '/field', auth: { device: `bench-office-${k}` } }),
    );
    await Promise.all([...this.teamSockets.filter((s): s is RawClient => s !== null), ...this.offices].map((s) => s.connected));
  }

  private reportId(): string {
    return `b${this.ctx.runTag}${(this.counter++).toString(36).padStart(7, '0')}`;
  }

  /** Handles an ack: records its latency and seq, or marks the report rejected. */
  private acked(e: number, idx: number, sentAt: number, phase: number, json: string): void {
    const ok = json.startsWith('[{"ok":true');
    if (ok) {
      this.ctx.reports.ackSeq[e]![idx] = Number(ACK_SEQ.exec(json)?.[1] ?? 0);
      this.ctx.ackLatency[phase]?.record(Date.now() - sentAt);
    } else {
      this.ctx.reports.rejected[e]![idx] = true;
    }
    this.ctx.onAck(phase, ok, ok ? undefined : json.slice(0, 200));
  }

  /** One position report for team `t` (entity index `t`); returns false when its HTTP device is still busy. */
  sendTeam(t: number, done?: () => void): boolean {
    const { reports } = this.ctx;
    const id = this.teams[t]!;
    const socket = this.teamSockets[t];
    if (!socket && this.httpBusy[t]) return (this.deferred++, false);
    const now = Date.now();
    const version = Math.max(now, reports.lastVersion(t) + 1);
    const phase = this.ctx.phase();
    const idx = reports.add(t, version, version, phase);
    const lng = 114.2 + (t % 25) * 0.008 + (version % 1000) * 1e-6;
    const lat = 30.5 + Math.floor(t / 25) * 0.008;
    this.sent++;
    if (socket) {
      const payload = { reportId: this.reportId(), recordedAt: version, teamId: id, position: [lng, lat], accuracyM: 8, speedMps: 3, headingDeg: 90, batteryPct: 80 };
      socket.emitWithAck('position:report', payload, (json) => {
        this.acked(t, idx, version, phase, json);
        done?.();
      });
      return true;
    }
    this.httpBusy[t] = true;
    const q = `id=osm-${encodeURIComponent(id)}&timestamp=${version}&lat=${lat}&lon=${lng}&speed=5.8&bearing=90&batt=80&accuracy=8`;
    this.httpGet(q, 2, (status, error) => {
      this.httpBusy[t] = false;
      const json = status === 200 ? '[{"ok":true}]' : `[{"ok":false,"status":${status},"error":${JSON.stringify(error ?? '')}}]`;
      this.acked(t, idx, version, phase, json);
      done?.();
    });
    return true;
  }

  /**
   * One OsmAnd GET. A keep-alive socket the server just closed fails with ECONNRESET; the report id is
   * derived from the fix, so resending is safe and is what Traccar Client does too.
   */
  private httpGet(query: string, retries: number, done: (status: number, error?: string) => void): void {
    const req = http.get(`${this.ctx.url}/ingest/osmand?${query}`, { agent: this.agent }, (res) => {
      res.resume();
      res.on('end', () => done(res.statusCode ?? 0));
    });
    req.on('error', (err) => (retries > 0 ? this.httpGet(query, retries - 1, done) : done(0, err.message)));
  }

  private office(): RawClient {
    return this.offices[this.nextOffice++ % this.offices.length]!;
  }

  /** A status change for checkpoint `k` (0-based among checkpoints); its entity index is `base + k`. */
  sendCheckpoint(k: number, base: number): void {
    const { reports } = this.ctx;
    const e = base + k;
    const now = Date.now();
    const version = reports.lastVersion(e) + 1;
    const phase = this.ctx.phase();
    const idx = reports.add(e, version, now, phase);
    this.sent++;
    const payload = { reportId: this.reportId(), recordedAt: now, checkpointId: this.checkpoints[k]!, status: version % 2 ? 'restricted' : 'open', staffOnDuty: version };
    this.office().emitWithAck('checkpoint:setStatus', payload, (json) => this.acked(e, idx, now, phase, json));
  }

  /** A household-visit round for cell `k`: its `lastVisitAt` becomes this report's time. */
  sendCell(k: number, base: number): void {
    const { reports } = this.ctx;
    const e = base + k;
    const version = Math.max(Date.now(), reports.lastVersion(e) + 1);
    const phase = this.ctx.phase();
    const idx = reports.add(e, version, version, phase);
    this.sent++;
    const payload = { reportId: this.reportId(), recordedAt: version, cellId: this.cells[k]!, householdsVisited: 12, feverFound: version % 2, suppliesDelivered: 0 };
    this.office().emitWithAck('cell:visit', payload, (json) => this.acked(e, idx, version, phase, json));
  }

  close(): void {
    for (const s of this.teamSockets) s?.close();
    for (const s of this.offices) s.close();
    this.agent.destroy();
  }
}
