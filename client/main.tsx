import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthGate } from './auth/AuthGate.js';
import type { GatedPage } from './auth/access.js';
import { ErrorBoundary } from './ErrorBoundary.js';
import { initI18n } from './i18n/i18n.js';
import './styles/wall.css';

// Each audience is its own lazy chunk: phones on /field never download the map libraries (~2.6 MB).
const WallPage = lazy(() => import('./wall/WallPage.js').then((m) => ({ default: m.WallPage })));
const FieldPage = lazy(() => import('./field/FieldPage.js').then((m) => ({ default: m.FieldPage })));
const ConsolePage = lazy(() => import('./console/ConsolePage.js').then((m) => ({ default: m.ConsolePage })));
const AdminPage = lazy(() => import('./admin/AdminPage.js').then((m) => ({ default: m.AdminPage })));

/**
 * One entry per audience, by pathname. The wall, console and admin pages open only for a session
 * whose role may use them (the gate is in the main chunk, so the sign-in page never waits for the map).
 * The field app signs in with team codes on its own.
 */
function route(pathname: string): ReactNode {
  switch (pathname.replace(/\/+$/, '') || '/') {
    case '/':
      // An unattended wall reloads itself after a crash.
      return gated('wall', <WallPage />, 15_000);
    case '/console':
      return gated('console', <ConsolePage />);
    case '/admin':
      return gated('admin', <AdminPage />);
    case '/field':
      return (
        <Suspense fallback={null}>
          <FieldPage />
        </Suspense>
      );
    default:
      return <p className="not-found">404 — {pathname}</p>;
  }
}

/** A signed-in page: its lazy chunk behind the role gate, inside an error boundary. */
function gated(page: GatedPage, content: ReactNode, reloadAfterMs?: number): ReactNode {
  return (
    <ErrorBoundary reloadAfterMs={reloadAfterMs}>
      <AuthGate page={page}>
        <Suspense fallback={null}>{content}</Suspense>
      </AuthGate>
    </ErrorBoundary>
  );
}

initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<StrictMode>{route(window.location.pathname)}</StrictMode>);
