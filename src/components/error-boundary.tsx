import { Component, type ErrorInfo, type ReactNode } from 'react';
import { retryFailedImports } from '../lib/lazy-with-retry';

interface Props {
  /** What to show instead of the broken part; `reset` renders the children again. */
  fallback: (reset: () => void) => ReactNode;
  children: ReactNode;
}

/** Keeps a failure in one part of the page from taking the rest of it down. */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch(error: unknown, info: ErrorInfo) {
    console.error('A part of the page failed to render', error, info.componentStack);
  }

  reset = () => {
    // What failed may be a chunk that did not load: the next render imports it again.
    retryFailedImports();
    this.setState({ failed: false });
  };

  render() {
    return this.state.failed ? this.props.fallback(this.reset) : this.props.children;
  }
}
