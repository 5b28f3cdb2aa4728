import { GraphQLFailure } from '../api/http';
import { t, type MessageKey } from '../i18n';

/** How long a toast stays: long enough to read a sentence, short enough not to pile up. */
const SHOW_MS = 5_000;

/** The refusal of a mutation in the UI's language, from the server's error code (its English message goes to the problems box). */
const REASONS: Record<string, MessageKey> = {
  FORBIDDEN: 'toast.forbidden',
  UNAUTHENTICATED: 'toast.forbidden',
  NOT_FOUND: 'toast.notFound',
  INVALID_INPUT: 'toast.invalid',
  BAD_USER_INPUT: 'toast.invalid',
};

/** "Could not do X: reason", entirely in the UI's language whatever the server said. */
export function failureText(action: MessageKey, error: unknown): string {
  const code = error instanceof GraphQLFailure ? error.code : null;
  return `${t(action)}: ${t(REASONS[code ?? ''] ?? 'toast.failed')}`;
}

/**
 * Every action answers: a short message in the corner with the result of a mutation, read out by screen readers
 * (`role=status`). The container is made on first use so no page layout has to reserve it.
 */
export function toast(kind: 'ok' | 'error', text: string): void {
  let root = document.getElementById('toasts');
  if (!root) {
    root = document.createElement('div');
    root.id = 'toasts';
    root.setAttribute('role', 'status');
    root.setAttribute('aria-live', 'polite');
    document.body.append(root);
  }
  const item = document.createElement('div');
  item.className = `toast ${kind}`;
  item.dataset.kind = kind;
  item.textContent = text;
  root.append(item);
  setTimeout(() => item.remove(), SHOW_MS);
}
