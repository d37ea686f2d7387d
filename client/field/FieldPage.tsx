import { useEffect, useState } from 'react';
import { FieldHeader } from './components/FieldHeader.js';
import { SignInForm } from './components/SignInForm.js';
import { FieldHome } from './FieldHome.js';
import { registerFieldStrings, useFieldT } from './i18n/fieldI18n.js';
import { startRuntime, type FieldRuntime } from './runtime.js';
import { useDocumentHead } from './useDocumentHead.js';
import { useFieldSession } from './useFieldSession.js';
import { useOfflineReady } from './useOfflineReady.js';
import './field.css';

registerFieldStrings();

/** `/field`: the offline-first phone page of a field team (loaded lazily, without the map libraries). */
export function FieldPage() {
  const { t } = useFieldT();
  const [runtime, setRuntime] = useState<FieldRuntime | null>(null);
  useDocumentHead(t('title'));
  useEffect(() => void startRuntime().then(setRuntime), []);
  return <div className="field">{runtime ? <FieldApp runtime={runtime} /> : <FieldHeader link={null} />}</div>;
}

function FieldApp({ runtime }: { runtime: FieldRuntime }) {
  const { session, link, signedIn, signOut } = useFieldSession(runtime);
  const offlineReady = useOfflineReady();
  return (
    <>
      <FieldHeader link={session.phase === 'signedIn' ? link : null} />
      <main className="field-main">
        {session.phase === 'signedOut' && <SignInForm onSignedIn={(state) => signedIn(state)} />}
        {session.phase === 'signedIn' && (
          <FieldHome runtime={runtime} state={session.state} cached={session.cached} offlineReady={offlineReady} onSignOut={() => void signOut()} />
        )}
      </main>
    </>
  );
}
