import { t } from '@/utils/i18n';
import type { OutlineEntry } from './headings';

export interface ContentsPanelProps {
  outline: OutlineEntry[];
  /** The entry being read, highlighted as the reader scrolls. */
  current: number;
  id: string;
  docked: boolean;
  /** When docked: the width it may take beside the column. */
  width?: number;
  onJump: (entry: OutlineEntry) => void;
  /** The headings are the article's text: its language and direction. */
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
}

/** The article's headings as links; the one being read is marked (`aria-current`). */
export function ContentsPanel({ outline, current, id, docked, width, onJump, lang, dir }: ContentsPanelProps) {
  return (
    <nav
      class={docked ? 'reading-panel contents-panel is-docked' : 'reading-panel contents-panel'}
      id={id}
      aria-label={t('contentsTitle')}
      data-testid="contents-panel"
      style={docked && width ? { width: `${width}px` } : undefined}
    >
      <h2 class="panel-title">{t('contentsTitle')}</h2>
      <ol lang={lang} dir={dir}>
        {outline.map((entry, i) => (
          <li key={entry.id} class={`toc-level-${entry.level}`}>
            <a
              href={`#${entry.id}`}
              aria-current={i === current ? 'location' : undefined}
              onClick={(e) => {
                e.preventDefault();
                onJump(entry);
              }}
            >
              {entry.text}
            </a>
          </li>
        ))}
      </ol>
    </nav>
  );
}
