/** Inline tag editing: tags separated by commas; Enter saves, Escape cancels. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '@/utils/i18n';

export interface TagEditorProps {
  tags: readonly string[];
  /** The input's accessible name. */
  label: string;
  onSave: (tags: string[]) => void;
  onCancel: () => void;
}

/** Splits what the user typed into tags; the library cleans them further (trims, drops repeats). */
export function parseTagInput(value: string): string[] {
  return value
    .split(',')
    .map((tag) => tag.trim())
    .filter(Boolean);
}

export function TagEditor({ tags, label, onSave, onCancel }: TagEditorProps) {
  const [value, setValue] = useState(tags.join(', '));
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  return (
    <form
      class="tag-editor"
      onSubmit={(event) => {
        event.preventDefault();
        onSave(parseTagInput(value));
      }}
    >
      <input
        ref={input}
        type="text"
        class="tag-input"
        aria-label={label}
        placeholder={t('tagPlaceholder')}
        value={value}
        data-testid="tag-input"
        onInput={(event) => setValue(event.currentTarget.value)}
        onKeyDown={(event) => {
          if (event.key === 'Escape') {
            event.preventDefault();
            onCancel();
          }
        }}
      />
      <button type="submit" class="button button-small">
        {t('tagSave')}
      </button>
      <button type="button" class="button button-small button-quiet" onClick={onCancel}>
        {t('cancel')}
      </button>
    </form>
  );
}
