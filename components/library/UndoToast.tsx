/**
 * The message after an action, with its undo: "Deleted “…”. Undo". Announced politely (or at once for
 * an error); the undo button is reachable by keyboard, and Ctrl/Cmd+Z triggers it while shown.
 */
import { useEffect } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { UndoIcon } from './library-icons';

export interface Toast {
  id: number;
  message: string;
  tone: 'info' | 'error';
  undo?: () => void;
}

/** How long a toast stays. Long enough to read and reach "Undo" with the keyboard. */
export const TOAST_MS = 10_000;

export interface UndoToastProps {
  toast: Toast | null;
  onDismiss: () => void;
}

export function UndoToast({ toast, onDismiss }: UndoToastProps) {
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(onDismiss, TOAST_MS);
    const onKey = (event: KeyboardEvent) => {
      if (
        toast.undo &&
        (event.ctrlKey || event.metaKey) &&
        event.key.toLowerCase() === 'z' &&
        !isEditable(event.target)
      ) {
        event.preventDefault();
        toast.undo();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => {
      clearTimeout(timer);
      document.removeEventListener('keydown', onKey);
    };
  }, [toast, onDismiss]);

  return (
    <div
      class="toast-region"
      role={toast?.tone === 'error' ? 'alert' : 'status'}
      aria-live={toast?.tone === 'error' ? 'assertive' : 'polite'}
    >
      {toast && (
        <div class={`toast toast-${toast.tone}`} data-testid="toast">
          <span class="toast-message">{toast.message}</span>
          {toast.undo && (
            <button
              type="button"
              class="button button-small"
              data-testid="undo"
              onClick={toast.undo}
              aria-keyshortcuts="Control+Z Meta+Z"
            >
              <UndoIcon />
              <span>{t('toastUndo')}</span>
            </button>
          )}
          <button type="button" class="toast-close" aria-label={t('toastDismiss')} onClick={onDismiss}>
            ×
          </button>
        </div>
      )}
    </div>
  );
}

export function isEditable(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  if (!el || typeof el.tagName !== 'string') return false;
  return el.isContentEditable || el.tagName === 'INPUT' || el.tagName === 'TEXTAREA' || el.tagName === 'SELECT';
}
