import { BrandMark, ArticleIcon, OpenInTabIcon, SelectionIcon } from './icons';

export interface ToolbarProps {
  /** Opens this reader in a full tab; absent when already in one or when there is no tab to read. */
  onOpenInTab?: () => void;
  /** Rebuilds the article from the text selected on the page. */
  onUseSelection?: () => void;
  /** Goes back from the selection to the article the pipeline found. */
  onUseArticle?: () => void;
}

/** The bar above the reader: the name, and the actions that apply to the current state. */
export function Toolbar({ onOpenInTab, onUseSelection, onUseArticle }: ToolbarProps) {
  return (
    <header class="toolbar" lang="en">
      <span class="brand">
        <BrandMark />
        <span class="brand-name">Clean Reader</span>
      </span>
      <nav class="toolbar-actions" aria-label="Reader actions">
        {onUseArticle && (
          <button type="button" class="button button-quiet" onClick={onUseArticle} data-testid="use-article">
            <ArticleIcon />
            <span>Whole article</span>
          </button>
        )}
        {onUseSelection && (
          <button
            type="button"
            class="button button-quiet"
            onClick={onUseSelection}
            data-testid="use-selection"
            title="Build the article from the text you selected on the page"
          >
            <SelectionIcon />
            <span>Use my selection</span>
          </button>
        )}
        {onOpenInTab && (
          <button type="button" class="button button-quiet" onClick={onOpenInTab} data-testid="open-in-tab">
            <OpenInTabIcon />
            <span>Open in a tab</span>
          </button>
        )}
      </nav>
    </header>
  );
}
