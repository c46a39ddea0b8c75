/**
 * After a saved article: the passages the user highlighted (imported from Pocket, Omnivore or
 * Instapaper), each with its own note and date, then the user's note on the whole article, which they
 * can write and save here. Quotes keep the article's language and direction; the UI around them is in
 * the browser's.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, uiLang } from '@/utils/i18n';
import { formatSavedDate } from './library-format';

/** One highlighted passage, as lib/library keeps it. */
export interface NoteHighlight {
  quote: string;
  /** ISO 8601, or null when the source did not say. */
  createdAt: string | null;
  note: string | null;
}

export interface ArticleNotesProps {
  highlights: readonly NoteHighlight[];
  note: string | null;
  /** Stores the note (null removes it); rejects with an error whose message the user can read. */
  onSaveNote: (note: string | null) => Promise<void>;
  /** The article's language and direction, for the quotes. */
  lang?: string | null;
  dir?: string | null;
}

type NoteState = { kind: 'idle' } | { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; message: string };

export function ArticleNotes({ highlights, note, onSaveNote, lang, dir }: ArticleNotesProps) {
  const [draft, setDraft] = useState(note ?? '');
  const [state, setState] = useState<NoteState>({ kind: 'idle' });
  useEffect(() => setDraft(note ?? ''), [note]);

  const cleaned = draft.trim() ? draft : null;
  const changed = (cleaned ?? '') !== (note ?? '');
  const save = async () => {
    setState({ kind: 'saving' });
    try {
      await onSaveNote(cleaned);
      setState({ kind: 'saved' });
    } catch (error) {
      setState({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <section class="article-notes" data-testid="article-notes" lang={uiLang()} aria-label={t('notesLabel')}>
      {highlights.length > 0 && (
        <>
          <h2 class="article-notes-heading" id="highlights-heading">
            {t('highlightsHeading')}
          </h2>
          <ol class="highlights" data-testid="highlights" aria-labelledby="highlights-heading">
            {highlights.map((h, i) => (
              <li key={`${i}:${h.quote}`} class="highlight">
                <blockquote lang={lang ?? undefined} dir={dir === 'rtl' || dir === 'ltr' ? dir : 'auto'}>
                  {h.quote}
                </blockquote>
                {h.note && (
                  <p class="highlight-note" dir="auto">
                    {h.note}
                  </p>
                )}
                {h.createdAt && validDate(h.createdAt) && (
                  <p class="highlight-date">
                    <time dateTime={h.createdAt}>{formatSavedDate(Date.parse(h.createdAt), [uiLang()])}</time>
                  </p>
                )}
              </li>
            ))}
          </ol>
        </>
      )}
      <form
        class="article-note"
        onSubmit={(event) => {
          event.preventDefault();
          if (changed) void save();
        }}
      >
        <label class="article-notes-heading" for="article-note-text">
          {t('noteHeading')}
        </label>
        <textarea
          id="article-note-text"
          data-testid="article-note"
          rows={4}
          dir="auto"
          placeholder={t('notePlaceholder')}
          value={draft}
          onInput={(event) => {
            setDraft(event.currentTarget.value);
            setState({ kind: 'idle' });
          }}
          onKeyDown={(event) => {
            // Ctrl+Enter (or ⌘+Enter) saves, as in most editors; Enter alone is a new line.
            if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
              event.preventDefault();
              if (changed) void save();
            }
          }}
        />
        <div class="article-note-actions">
          <button
            type="submit"
            class="button button-primary"
            data-testid="save-note"
            disabled={!changed || state.kind === 'saving'}
          >
            {state.kind === 'saving' ? t('noteSaving') : t('noteSave')}
          </button>
          <span
            class={state.kind === 'failed' ? 'article-note-status is-error' : 'article-note-status'}
            role="status"
            data-testid="note-status"
          >
            {state.kind === 'saved' && t('noteSaved')}
            {state.kind === 'failed' && state.message}
          </span>
        </div>
      </form>
    </section>
  );
}

function validDate(iso: string): boolean {
  return Number.isFinite(Date.parse(iso));
}
