import { t, type MessageKey } from '@/utils/i18n';
import { fileAccessSwitch } from '@/utils/platform';
import type { Restriction, RestrictionKind } from '@/utils/restricted-url';
import { LockIcon } from './icons';
import { StatusPanel } from './StatusPanel';

export interface RestrictedStateProps {
  restriction: Restriction;
}

/** The UI's words for each kind (utils/restricted-url keeps the English ones for logs and tests). */
const WORDS: Record<RestrictionKind, [MessageKey, MessageKey]> = {
  'browser-page': ['restrictedBrowserPage', 'restrictedBrowserPageDetail'],
  'extension-page': ['restrictedExtensionPage', 'restrictedExtensionPageDetail'],
  'view-source': ['restrictedViewSource', 'restrictedViewSourceDetail'],
  store: ['restrictedStore', 'restrictedStoreDetail'],
  pdf: ['restrictedPdf', 'restrictedPdfDetail'],
  file: ['restrictedFile', 'restrictedFileDetail'],
  'no-access': ['restrictedNoAccess', 'restrictedNoAccessDetail'],
};

/** Firefox has no switch that lets an extension read files: it gets words that do not name one. */
const FILE_WITHOUT_SWITCH: [MessageKey, MessageKey] = ['restrictedFileFirefox', 'restrictedFileFirefoxDetail'];

/** The title and detail keys for `kind` in this browser. */
export function restrictionWords(kind: RestrictionKind): [MessageKey, MessageKey] {
  return kind === 'file' && fileAccessSwitch() === 'none' ? FILE_WITHOUT_SWITCH : WORDS[kind];
}

/** A page the browser keeps closed to extensions: why, and what to do instead. */
export function RestrictedState(props: RestrictedStateProps) {
  // Not a destructured `restriction`: WXT's auto-import took that name for utils/restricted-url's
  // `restriction()` and pulled the module (2.9 KB) into the popup's start-up script.
  const { kind } = props.restriction;
  const [title, detail] = restrictionWords(kind);
  return (
    <StatusPanel testId="state-restricted" tone="neutral" icon={<LockIcon />} title={t(title)}>
      <p data-kind={kind}>{t(detail)}</p>
    </StatusPanel>
  );
}
