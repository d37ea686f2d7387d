import { lazy, StrictMode, Suspense, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { AuthGate } from './auth/AuthGate.js';
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
      return (
        <ErrorBoundary reloadAfterMs={15_000}>
          <AuthGate page="wall">
            <Suspense fallback={null}>
              <WallPage />
            </Suspense>
          </AuthGate>
        </ErrorBoundary>
      );
    case '/console':
      return (
        <ErrorBoundary>
          <AuthGate page="console">
            <Suspense fallback={null}>
              <ConsolePage />
            </Suspense>
          </AuthGate>
        </ErrorBoundary>
      );
    case '/admin':
      return (
        <ErrorBoundary>
          <AuthGate page="admin">
            <Suspense fallback={null}>
              <AdminPage />
            </Suspense>
          </AuthGate>
        </ErrorBoundary>
      );
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

initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<StrictMode>{route(window.location.pathname)}</StrictMode>);
