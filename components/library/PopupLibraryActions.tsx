/**
 * The library's part of the reader toolbar: Save (which also shows whether this page is already saved),
 * Copy and Download as Markdown, and a way to the library page. The reader inserts this one component;
 * everything else lives here.
 */
import { useMemo } from 'preact/hooks';
import type { Article } from '@/lib/extract';
import { t } from '@/utils/i18n';
import { getLibrary, libraryPath } from '@/utils/library';
import { MarkdownActions } from './MarkdownActions';
import { SaveButton } from './SaveButton';
import { LibraryIcon } from './library-icons';
import './save-button.css';

export interface PopupLibraryActionsProps {
  /** The article on show; no Save button without one. */
  article: Article | null;
}

export function PopupLibraryActions({ article }: PopupLibraryActionsProps) {
  // One open per mount: a new promise on every render would re-run the Save button's lookup.
  const library = useMemo(() => getLibrary(), []);
  return (
    <>
      {article && <SaveButton article={article} library={library} />}
      {article && <MarkdownActions article={article} />}
      <a
        class="button button-quiet"
        href={libraryPath()}
        target="_blank"
        data-testid="open-library"
        title={t('libraryLinkTitle')}
      >
        <LibraryIcon />
        <span>{t('libraryTitle')}</span>
      </a>
    </>
  );
}
