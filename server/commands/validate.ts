import type { z } from 'zod';
import { Commands, type CommandName, type CommandOf } from '../../shared/commands.js';
import type { Ack, ErrorCode, Issue, PictureState } from '../../shared/protocol.js';

export type Rejection = Extract<Ack, { ok: false }>;

export function reject(code: ErrorCode, message: string, issues?: Issue[]): Rejection {
  return { ok: false, error: issues ? { code, message, issues } : { code, message } };
}

export function isCommandName(name: string): name is CommandName {
  return Object.hasOwn(Commands, name);
}

export function toIssues(error: z.ZodError): Issue[] {
  return error.issues.slice(0, 20).map((i) => ({ path: i.path.join('.') || '(root)', message: i.message }));
}

/** Parses a command payload with its shared schema. */
export function parseCommand<N extends CommandName>(
  name: N,
  payload: unknown,
): { ok: true; command: CommandOf<N> } | Rejection {
  const result = Commands[name].safeParse(payload);
  if (!result.success) {
    const issues = toIssues(result.error);
    const first = issues[0];
    return reject('invalid', `invalid ${name}: ${first ? `${first.path}: ${first.message}` : 'bad payload'}`, issues);
  }
  return { ok: true, command: result.data as CommandOf<N> };
}

type Refs = Partial<Record<'cells' | 'checkpoints' | 'teams' | 'tasks', string | null | undefined>>;

/** The entities a command names; each must exist before the command is accepted. */
function refsOf(name: CommandName, c: CommandOf<CommandName>): Refs {
  const r = c as Partial<Record<'teamId' | 'cellId' | 'checkpointId' | 'taskId', string | null>>;
  switch (name) {
    case 'position:report':
    case 'team:setStatus':
      return { teams: r.teamId, tasks: r.taskId };
    case 'incident:create':
      return { teams: r.teamId, checkpoints: r.checkpointId };
    case 'checkpoint:tally':
    case 'checkpoint:setStatus':
      return { checkpoints: r.checkpointId };
    case 'cell:report':
      return { cells: r.cellId };
    case 'cell:visit':
      return { cells: r.cellId, teams: r.teamId };
    case 'task:setStatus':
    case 'task:acknowledge':
    case 'task:complete':
      return { tasks: r.taskId, teams: r.teamId };
    case 'supply:deliver':
      return { teams: r.teamId, cells: (c as { cellId?: string }).cellId };
    case 'clock:set':
      return {};
  }
}

const SINGULAR = { cells: 'cell', checkpoints: 'checkpoint', teams: 'team', tasks: 'task' } as const;

/** Rejects a command that names an unknown entity or would duplicate one; null when it may be applied. */
export function checkAgainstState<N extends CommandName>(state: PictureState, name: N, c: CommandOf<N>): Rejection | null {
  for (const [kind, id] of Object.entries(refsOf(name, c)) as [keyof Refs, string | null | undefined][]) {
    if (id && !Object.hasOwn(state[kind], id)) return reject('unknown_entity', `unknown ${SINGULAR[kind]} ${id}`);
  }
  if (name === 'task:acknowledge' || name === 'task:complete') {
    const { taskId, teamId } = c as CommandOf<'task:complete'>;
    const assigned = state.tasks[taskId]!.teamId;
    if (assigned !== teamId && !(name === 'task:complete' && assigned === null)) {
      return reject('invalid', `task ${taskId} is not assigned to team ${teamId}`);
    }
  }
  if (name === 'incident:create') {
    const id = (c as CommandOf<'incident:create'>).incidentId;
    if (Object.hasOwn(state.incidents, id)) return reject('invalid', `incident ${id} already exists`);
  }
  return null;
}
