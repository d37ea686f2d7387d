import { parseArgs } from 'node:util';
import type { DeviceProtocol, Registry } from '../auth/registry.js';
import { runAccountCommand } from '../auth/cliAccounts.js';

export interface AdminDeps {
  registry: Registry;
  /** Teams in the event log by id (only what the CLI shows of them). */
  teams: () => Promise<Record<string, { id: string; name: string; kind?: string }>>;
  /** Where the teams come from, for error messages. */
  source: string;
}

/** What a command printed and its exit code: 0 done, 1 refused (unknown team or device), 2 bad usage. */
export interface AdminResult {
  code: number;
  out: string[];
  err: string[];
}

export const ADMIN_USAGE = `Usage: npm run admin -- <command>
  teams                                   list team ids and names
  team-code <teamId>                      print a new sign-in code for the field app (earlier codes stay valid)
  team-code-revoke <teamId>               revoke every sign-in code of a team
  device add <deviceId> <teamId> [--protocol osmand|owntracks|any] [--secret S] [--label L]
                                          register a tracker (again: replaces it). OsmAnd has no password;
                                          OwnTracks ids are <user>/<device>: with --secret for HTTP mode,
                                          without for MQTT (the broker authenticates those)
  device list                             list active trackers
  device revoke <deviceId>                stop accepting a tracker
  user list                               list people's accounts
  user add <username> <admin|commander|analyst>
                                          create an account; prints a generated password once
  user reset-password <username>          print a new password (enables the account, ends its sessions)
  wall-token <label>                      issue a wall display token (printed once)`;

class Refused extends Error {
  constructor(
    message: string,
    readonly code: 1 | 2,
  ) {
    super(message);
  }
}
const usage = (message: string) => new Refused(`${message}\n\n${ADMIN_USAGE}`, 2);

const PROTOCOLS: readonly DeviceProtocol[] = ['osmand', 'owntracks', 'any'];

/** Runs one admin command against the registry; never exits the process itself. */
export async function runAdmin(argv: string[], deps: AdminDeps): Promise<AdminResult> {
  const out: string[] = [];
  const err: string[] = [];
  try {
    let args: ReturnType<typeof parse>;
    try {
      args = parse(argv);
    } catch (e) {
      throw usage((e as Error).message);
    }
    await dispatch(args, deps, out, err);
    return { code: 0, out, err };
  } catch (e) {
    if (!(e instanceof Refused)) throw e;
    err.push(e.message);
    return { code: e.code, out, err };
  }
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    options: { protocol: { type: 'string' }, secret: { type: 'string' }, label: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
}

async function dispatch({ positionals: p, values: v }: ReturnType<typeof parse>, deps: AdminDeps, out: string[], err: string[]): Promise<void> {
  const [command, ...rest] = p;
  const key = command === 'device' || command === 'user' ? `${command} ${rest.shift() ?? ''}`.trim() : (command ?? '');
  const want = (n: number, shape: string) => {
    if (rest.length !== n) throw usage(`${key} takes ${shape}`);
  };
  if (v.help || key === 'help') return void out.push(ADMIN_USAGE);
  if (key !== 'device add' && (v.protocol !== undefined || v.secret !== undefined || v.label !== undefined)) throw usage('--protocol, --secret and --label belong to "device add"');
  switch (key) {
    case 'teams':
      want(0, 'no arguments');
      return listTeams(deps, out);
    case 'team-code': {
      want(1, '<teamId>');
      const team = await knownTeam(deps, rest[0]!);
      out.push(deps.registry.issueTeamCode(team.id));
      err.push(`New sign-in code for ${team.id} (${team.name}). Earlier codes stay valid until team-code-revoke.`);
      return;
    }
    case 'team-code-revoke': {
      want(1, '<teamId>');
      const team = await knownTeam(deps, rest[0]!);
      out.push(`Revoked ${deps.registry.revokeTeamCodes(team.id)} sign-in code(s) of ${team.id} (${team.name}).`);
      return;
    }
    case 'device add':
      want(2, '<deviceId> <teamId>');
      return addDevice(deps, rest[0]!, rest[1]!, v, out);
    case 'device list':
      want(0, 'no arguments');
      return listDevices(deps, out);
    case 'device revoke':
      want(1, '<deviceId>');
      if (!deps.registry.revokeDevice(rest[0]!)) throw new Refused(`No active device ${rest[0]}.`, 1);
      out.push(`Revoked device ${rest[0]}: its positions are refused from now on.`);
      return;
    case 'user list':
    case 'user add':
    case 'user reset-password':
    case 'wall-token': {
      const r = await runAccountCommand(deps.registry, key, rest);
      if (!r.ok) throw r.usage ? usage(r.message) : new Refused(r.message, 1);
      out.push(...r.out);
      err.push(...r.err);
      return;
    }
    default:
      throw usage(command ? `Unknown command: ${p.join(' ')}` : 'No command given.');
  }
}

async function knownTeam(deps: AdminDeps, teamId: string) {
  const teams = await deps.teams();
  const team = teams[teamId];
  if (team) return team;
  const ids = Object.keys(teams);
  const hint = ids.length ? `known teams: ${ids.slice(0, 12).join(', ')}${ids.length > 12 ? ', …' : ''} (npm run admin -- teams)` : `the event log at ${deps.source} has no teams yet: start the server once`;
  throw new Refused(`Unknown team ${teamId}; ${hint}.`, 1);
}

async function listTeams(deps: AdminDeps, out: string[]): Promise<void> {
  const teams = Object.values(await deps.teams()).sort((a, b) => a.id.localeCompare(b.id));
  if (!teams.length) throw new Refused(`No teams in the event log at ${deps.source}: start the server once (DEMO seeds the demo teams).`, 1);
  for (const t of teams) out.push([t.id, t.name, t.kind ?? ''].join('\t').trimEnd());
}

type AddFlags = { protocol?: string; secret?: string; label?: string };

async function addDevice(deps: AdminDeps, rawId: string, teamId: string, f: AddFlags, out: string[]): Promise<void> {
  const deviceId = rawId.trim();
  const protocol = (f.protocol ?? 'any') as DeviceProtocol;
  if (!PROTOCOLS.includes(protocol)) throw usage(`--protocol must be one of ${PROTOCOLS.join(', ')}`);
  if (!deviceId || deviceId.length > 128 || /[\p{Cc}\s]/u.test(deviceId)) throw usage('deviceId must be 1–128 characters without spaces');
  if (protocol === 'owntracks' && !/^[^/]+\/[^/]+$/.test(deviceId)) throw usage('OwnTracks device ids are <user>/<device>, e.g. alice/phone');
  if (protocol === 'osmand' && f.secret !== undefined) throw usage('OsmAnd sends no password: register OsmAnd devices without --secret');
  if (f.secret !== undefined && f.secret.length < 8) throw usage('--secret must be at least 8 characters');
  const team = await knownTeam(deps, teamId);
  const existed = deps.registry.listDevices().some((d) => d.deviceId === deviceId);
  deps.registry.registerDevice({ deviceId, teamId: team.id, protocol, label: f.label, secret: f.secret });
  const auth = f.secret !== undefined ? 'with a secret (OwnTracks HTTP)' : 'without a secret';
  out.push(`${existed ? 'Updated' : 'Added'} device ${deviceId} → ${team.id} (${team.name}), protocol ${protocol}, ${auth}.`);
}

function listDevices(deps: AdminDeps, out: string[]): void {
  const devices = deps.registry.listDevices();
  if (!devices.length) return void out.push('No devices registered.');
  out.push(['device', 'team', 'protocol', 'secret', 'label', 'added'].join('\t'));
  for (const d of devices) {
    out.push([d.deviceId, d.teamId, d.protocol, d.hasSecret ? 'yes' : 'no', d.label, new Date(d.createdAt).toISOString()].join('\t'));
  }
}
