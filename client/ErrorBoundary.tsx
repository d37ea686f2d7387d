import { Component, type ErrorInfo, type ReactNode } from 'react';
import i18next from 'i18next';

/** Props of `ErrorBoundary`. */
export interface ErrorBoundaryProps {
  children: ReactNode;
  /** Reload the page by itself after this long (unattended walls). @default never */
  reloadAfterMs?: number;
}

/**
 * A render error must not leave a blank screen: without a boundary React unmounts the whole page.
 * Shows what happened as text, offers a reload, and on the wall reloads by itself.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };
  private timer: ReturnType<typeof setTimeout> | undefined;

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('page crashed', error, info.componentStack);
    if (this.props.reloadAfterMs !== undefined) this.timer = setTimeout(() => window.location.reload(), this.props.reloadAfterMs);
  }

  override componentWillUnmount(): void {
    clearTimeout(this.timer);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const t = i18next.t;
    const { reloadAfterMs } = this.props;
    return (
      <div className="auth-page auth-page--revoked" role="alert" data-testid="page-crashed">
        <section className="auth-notice auth-notice--revoked">
          <h1>{t('crash.title')}</h1>
          <p>{reloadAfterMs === undefined ? t('crash.text') : t('crash.wallText', { n: Math.round(reloadAfterMs / 1000) })}</p>
          <p className="crash-detail">{error.message}</p>
          <div className="auth-actions">
            <button type="button" className="auth-btn auth-btn--primary" onClick={() => window.location.reload()}>
              {t('crash.reload')}
            </button>
          </div>
        </section>
      </div>
    );
  }
}
