/** The library's search field. "/" anywhere on the page focuses it (see LibraryApp); Escape clears it. */
import type { Ref } from 'preact';
import { t } from '@/utils/i18n';
import { SearchIcon } from './library-icons';

export interface SearchBoxProps {
  value: string;
  onInput: (value: string) => void;
  inputRef?: Ref<HTMLInputElement>;
}

export function SearchBox({ value, onInput, inputRef }: SearchBoxProps) {
  return (
    <div class="search-box" role="search">
      <SearchIcon />
      <input
        ref={inputRef}
        type="search"
        class="search-input"
        data-testid="library-search"
        aria-label={t('searchLabel')}
        placeholder={t('searchPlaceholder')}
        aria-keyshortcuts="/"
        value={value}
        autocomplete="off"
        spellcheck={false}
        onInput={(event) => onInput(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape' && value) {
            event.preventDefault();
            onInput('');
          }
        }}
      />
    </div>
  );
}
