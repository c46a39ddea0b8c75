import { useLayoutEffect, useRef } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { KEY_BINDINGS, type ReaderAction } from './keys';
import { CloseIcon } from './reading-icons';
import { ShortcutNote } from './ShortcutNote';

export interface HelpOverlayProps {
  onClose: () => void;
  /** Actions this reader cannot do here (no save button) are left out of the list. */
  hidden?: ReaderAction[];
}

/** The keys, listed: a modal dialog that takes focus, keeps it, and gives it back on close. */
export function HelpOverlay({ onClose, hidden = [] }: HelpOverlayProps) {
  const close = useRef<HTMLButtonElement>(null);
  const dialog = useRef<HTMLDivElement>(null);

  // A layout effect, in the same commit as the dialog: an after-paint effect runs a frame later (much
  // later in a throttled tab), so keys pressed meanwhile went to the page and focus came back elsewhere.
  useLayoutEffect(() => {
    const before = document.activeElement as HTMLElement | null;
    close.current?.focus();
    return () => before?.focus?.();
  }, []);

  // Tab stays inside the dialog (aria-modal promises it).
  const trap = (e: KeyboardEvent) => {
    if (e.key !== 'Tab' || !dialog.current) return;
    const focusable = [...dialog.current.querySelectorAll<HTMLElement>('button, a[href]')];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (e.shiftKey && document.activeElement === first) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && document.activeElement === last) {
      e.preventDefault();
      first.focus();
    }
  };

  return (
    <div class="help-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div
        class="help-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="help-title"
        ref={dialog}
        onKeyDown={trap}
        data-testid="help-overlay"
      >
        <div class="help-head">
          <h2 id="help-title">{t('helpTitle')}</h2>
          <button type="button" class="icon-button" ref={close} onClick={onClose} aria-label={t('close')}>
            <CloseIcon />
          </button>
        </div>
        <dl class="help-keys">
          {KEY_BINDINGS.filter((b) => !hidden.includes(b.action)).map((b) => (
            <div key={b.action} class="help-key">
              <dt>
                <kbd>{b.keys[0] === 'Escape' ? 'Esc' : b.keys[0]}</kbd>
              </dt>
              <dd>{t(b.label)}</dd>
            </div>
          ))}
        </dl>
        <ShortcutNote />
      </div>
    </div>
  );
}
