import { Component, type ErrorInfo, type ReactNode } from 'react';
import { ErrorPage } from '../routes/ErrorPage.js';

/** Catches a crash while rendering a page and shows the general error page instead of a blank screen. */
export class ErrorBoundary extends Component<{ children: ReactNode; resetKey?: string }, { error: Error | null }> {
  override state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    // no personal data: only the error's name and where it happened
    console.error('Rondom: page crashed', error.name, info.componentStack?.split('\n')[1]?.trim());
  }

  override componentDidUpdate(prev: { resetKey?: string }) {
    if (this.state.error && prev.resetKey !== this.props.resetKey) this.setState({ error: null });
  }

  override render() {
    if (this.state.error) return <ErrorPage onRetry={() => this.setState({ error: null })} />;
    return this.props.children;
  }
}
