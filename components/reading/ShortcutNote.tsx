import { useLayoutEffect, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';
import { openShortcutSettings, readerShortcut } from '@/utils/platform';

/** The shortcut that opens the reader (or that there is none), and a way to change it: help overlay and settings page. */
export function ShortcutNote() {
  const [shortcut, setShortcut] = useState('');
  // Asked for in the same commit as the note, so it is there as soon as the browser answers.
  useLayoutEffect(() => {
    void readerShortcut().then(setShortcut);
  }, []);
  return (
    <p class="help-shortcut">
      {shortcut ? t('helpOpenShortcut', shortcut) : t('helpNoShortcut')}{' '}
      <button type="button" class="link-button" onClick={() => void openShortcutSettings()}>
        {t('helpChangeShortcut')}
      </button>
    </p>
  );
}
