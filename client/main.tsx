import { StrictMode, type ReactNode } from 'react';
import { createRoot } from 'react-dom/client';
import { initI18n } from './i18n/i18n.js';
import { WallPage } from './wall/WallPage.js';
import './styles/wall.css';

/** One entry per audience, by pathname; `/console` and `/field` will join here. */
function route(pathname: string): ReactNode {
  switch (pathname.replace(/\/+$/, '') || '/') {
    case '/':
      return <WallPage />;
    default:
      return <p className="not-found">404 — {pathname}</p>;
  }
}

initI18n();
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root');
createRoot(root).render(<StrictMode>{route(window.location.pathname)}</StrictMode>);
