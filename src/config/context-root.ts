import { ContextRoot } from '@lit/context';

const ROOT_KEY = Symbol.for('peer-support-widgets.context-root');

/**
 * A provider that upgrades after its children (its script loads later, or it is defined lazily)
 * must still reach them: a ContextRoot on the document keeps their unanswered requests and replays
 * them when the provider appears. One per page, whichever copy of the library comes first.
 */
export function attachContextRoot(): void {
  const scope = globalThis as unknown as Record<symbol, unknown>;
  if (scope[ROOT_KEY] || typeof document === 'undefined') return;
  const root = new ContextRoot();
  root.attach(document.documentElement);
  scope[ROOT_KEY] = root;
}
