import type { ComponentChildren } from 'preact';
import { t } from '@/utils/i18n';
import { BrandMark, ArticleIcon, OpenInTabIcon, SelectionIcon, SidePanelIcon } from './icons';

export interface ToolbarProps {
  /** Opens this reader in a full tab; absent when already in one or when there is no tab to read. */
  onOpenInTab?: () => void;
  /** Opens this reader beside the page (side panel or sidebar); absent where the browser has none. */
  onOpenSidePanel?: () => void;
  /** Rebuilds the article from the text selected on the page. */
  onUseSelection?: () => void;
  /** Goes back from the selection to the article the pipeline found. */
  onUseArticle?: () => void;
  /** More actions, first in the bar (the library's Save and Library). */
  children?: ComponentChildren;
}

/** The bar above the reader: the name, and the actions that apply to the current state. */
export function Toolbar({ onOpenInTab, onOpenSidePanel, onUseSelection, onUseArticle, children }: ToolbarProps) {
  return (
    <header class="toolbar" lang={t('lang')}>
      <span class="brand">
        <BrandMark />
        <span class="brand-name">{t('brandName')}</span>
      </span>
      <nav class="toolbar-actions" aria-label={t('readerActions')}>
        {children}
        {onUseArticle && (
          <button type="button" class="button button-quiet" onClick={onUseArticle} data-testid="use-article">
            <ArticleIcon />
            <span>{t('wholeArticle')}</span>
          </button>
        )}
        {onUseSelection && (
          <button
            type="button"
            class="button button-quiet"
            onClick={onUseSelection}
            data-testid="use-selection"
            title={t('useSelectionTitle')}
          >
            <SelectionIcon />
            <span>{t('useSelection')}</span>
          </button>
        )}
        {onOpenSidePanel && (
          <button
            type="button"
            class="button button-quiet button-icon"
            onClick={onOpenSidePanel}
            aria-label={t('openSidePanel')}
            title={t('openSidePanel')}
            data-testid="open-side-panel"
          >
            <SidePanelIcon />
          </button>
        )}
        {onOpenInTab && (
          <button type="button" class="button button-quiet" onClick={onOpenInTab} data-testid="open-in-tab">
            <OpenInTabIcon />
            <span>{t('openInTab')}</span>
          </button>
        )}
      </nav>
    </header>
  );
}
