import { FIELD_COMMANDS, type CommandName, type CommandOf } from '../../shared/commands.js';
import { reject, type Rejection } from '../commands/validate.js';

const FIELD = new Set<CommandName>(FIELD_COMMANDS);

/**
 * The one authorization check for commands, run by the ledger on every path (socket, HTTP, device
 * protocols). Field teams (`team:<id>`) report only as themselves; trackers (`tracker:<id>`) only
 * send positions. Other actors are unrestricted until the accounts issue adds roles.
 */
export function authorizeCommand<N extends CommandName>(actor: string, name: N, cmd: CommandOf<N>): Rejection | null {
  const [kind, ...rest] = actor.split(':');
  const self = rest.join(':');
  if (kind === 'tracker') return name === 'position:report' ? null : reject('forbidden', 'trackers may only send positions');
  if (kind !== 'team') return null;
  if (!FIELD.has(name)) return reject('forbidden', `field teams may not send ${name}`);
  const teamId = (cmd as { teamId?: string | null }).teamId;
  if (teamId !== undefined && teamId !== null && teamId !== self) return reject('forbidden', `signed in as team ${self}, not ${teamId}`);
  return null;
}
