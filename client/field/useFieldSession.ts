import { useCallback, useEffect, useState } from 'react';
import type { FieldState } from '../../shared/protocol.js';
import { connectField, type LinkStatus } from './live/fieldSocket.js';
import type { FieldRuntime } from './runtime.js';
import { fetchMe, signOut as endSession } from './session/api.js';

/** Who is signed in on this phone. `cached`: shown from the phone's copy while the server is out of reach. */
export type Session =
  | { phase: 'loading' }
  | { phase: 'signedOut' }
  | { phase: 'signedIn'; state: FieldState; cached: boolean };

/**
 * The session and the team's live state: asks `/api/field/me` (falling back to the phone's copy when
 * offline), then keeps a field socket open that feeds `field:state` and carries the outbox.
 */
export function useFieldSession(runtime: FieldRuntime) {
  const [session, setSession] = useState<Session>({ phase: 'loading' });
  const [link, setLink] = useState<LinkStatus>('connecting');

  const signedIn = useCallback(
    (state: FieldState, cached = false) => {
      setSession({ phase: 'signedIn', state, cached });
      if (!cached) void runtime.db?.setFieldState(state);
    },
    [runtime],
  );

  useEffect(() => {
    let live = true;
    void fetchMe().then(async (me) => {
      const cached = me.kind === 'offline' ? await runtime.db?.getFieldState() : null;
      if (!live) return;
      if (me.kind === 'ok') signedIn(me.state);
      else if (cached) signedIn(cached, true);
      else setSession({ phase: 'signedOut' });
    });
    return () => void (live = false);
  }, [runtime, signedIn]);

  const teamId = session.phase === 'signedIn' ? session.state.team.id : null;
  useEffect(() => {
    if (!teamId) return;
    const socket = connectField({
      onState: (state) => signedIn(state),
      onStatus: (status) => {
        setLink(status);
        if (status === 'signedOut') setSession({ phase: 'signedOut' });
      },
      onConnect: () => void runtime.outbox.wake(),
    });
    runtime.link.set(socket);
    runtime.outbox.setTeam(teamId);
    return () => {
      runtime.link.set(null);
      runtime.outbox.setTeam(null);
      socket.close();
    };
  }, [runtime, teamId, signedIn]);

  const signOut = useCallback(async () => {
    await endSession();
    await runtime.db?.setFieldState(null);
    setSession({ phase: 'signedOut' });
  }, [runtime]);

  return { session, link, signedIn, signOut };
}
