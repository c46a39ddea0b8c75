/**
 * Everything the reader offers around the article, in the same component wherever it is shown (popup,
 * tab, side panel, saved article): reading settings, the table of contents that follows the scroll,
 * progress and time left, listening, and the keys for all of it with their help overlay.
 */
import { useEffect, useState } from 'preact/hooks';
import type { Article } from '@/lib/extract';
import { useSettings } from '@/hooks/use-settings';
import { plural, t } from '@/utils/i18n';
import { FONT_SIZE, stepValue, THEMES } from '@/utils/settings';
import { ContentsPanel } from './ContentsPanel';
import { collectOutline, currentEntry, MIN_HEADINGS, readingProgress, type OutlineEntry } from './headings';
import { HelpOverlay } from './HelpOverlay';
import { actionFor, type ReaderAction } from './keys';
import { ListenPanel } from './ListenPanel';
import { ContentsIcon, HeadphonesIcon, KeyboardIcon, TypeIcon } from './reading-icons';
import { makeScrollablesFocusable } from './scrollables';
import { SettingsPanel } from './SettingsPanel';
import { useListen } from './use-listen';

export interface ReadingToolsProps {
  article: Pick<Article, 'readingMinutes' | 'lang' | 'dir'>;
  /** The rendered article body; null until it is in the DOM. */
  body: HTMLElement | null;
  /** The body's HTML, so outline and sentences are collected again when it changes. */
  html: string;
  /** The language and direction the article is shown in. */
  lang?: string;
  dir?: 'ltr' | 'rtl' | 'auto';
}

type Panel = 'settings' | 'contents' | 'listen' | null;

/** Room beside the column (px) from which the contents stay docked there rather than over the text. */
const DOCK_MIN_GUTTER = 230;
/** A heading counts as "being read" once it passes this line (below the sticky bars). */
const READING_LINE = 140;
/** The save button the library puts in the reader's toolbar, if this page has one (`s` presses it). */
const SAVE_BUTTON = '[data-testid="save-button"]';

export function ReadingTools({ article, body, html, lang, dir }: ReadingToolsProps) {
  const { settings, update, saved } = useSettings();
  const [panel, setPanel] = useState<Panel>(null);
  const [help, setHelp] = useState(false);
  const [outline, setOutline] = useState<OutlineEntry[]>([]);
  const [current, setCurrent] = useState(-1);
  const [progress, setProgress] = useState(0);
  /** The width the contents may take beside the column, when docked; 0 when not. */
  const [dock, setDock] = useState(0);
  const docked = dock > 0;
  const listen = useListen(body, html, lang, settings.speechRate, settings.voice, (voice) => update({ voice }));

  useEffect(() => {
    if (body) makeScrollablesFocusable(body, { code: t('codeBlock') });
    const found = body ? collectOutline(body) : [];
    setOutline(found.length >= MIN_HEADINGS ? found : []);
  }, [body, html]);

  // Progress and the current heading follow the scroll, measured at most once a frame.
  useEffect(() => {
    if (!body) return;
    let frame = 0;
    const measure = () => {
      frame = 0;
      setProgress(readingProgress(body, window.innerHeight));
      setCurrent(currentEntry(outline, READING_LINE));
      // Docked only in a full tab with room beside the column (on the start side, in either direction).
      const rect = body.getBoundingClientRect();
      const gutter = dir === 'rtl' ? window.innerWidth - rect.right : rect.left;
      const inTab = document.documentElement.classList.contains('in-tab');
      setDock(inTab && gutter >= DOCK_MIN_GUTTER ? Math.min(260, gutter - 64) : 0);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(measure);
    };
    measure();
    window.addEventListener('scroll', schedule, { passive: true });
    window.addEventListener('resize', schedule);
    return () => {
      cancelAnimationFrame(frame);
      window.removeEventListener('scroll', schedule);
      window.removeEventListener('resize', schedule);
    };
  }, [body, outline, dir]);

  const canSave = () => Boolean(document.querySelector(SAVE_BUTTON));
  const toggle = (which: Exclude<Panel, null>) => setPanel((open) => (open === which ? null : which));

  const run = (action: ReaderAction) => {
    switch (action) {
      case 'bigger':
      case 'smaller':
        update({ fontSize: stepValue(settings.fontSize, FONT_SIZE, action === 'bigger' ? 1 : -1) });
        break;
      case 'theme':
        update({ theme: THEMES[(THEMES.indexOf(settings.theme) + 1) % THEMES.length] });
        break;
      case 'settings':
        toggle('settings');
        break;
      case 'contents':
        if (outline.length > 0) toggle('contents');
        break;
      case 'listen':
        setPanel('listen');
        listen.toggle();
        break;
      case 'save':
        document.querySelector<HTMLButtonElement>(SAVE_BUTTON)?.click();
        break;
      case 'help':
        setHelp((v) => !v);
        break;
      case 'close':
        if (help) setHelp(false);
        else setPanel(null);
        break;
    }
  };

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const action = actionFor(event);
      if (!action || (help && action !== 'close' && action !== 'help')) return;
      event.preventDefault();
      run(action);
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  });

  const jump = (entry: OutlineEntry) => {
    const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
    entry.element.scrollIntoView({ behavior: smooth ? 'smooth' : 'auto', block: 'start' });
    entry.element.setAttribute('tabindex', '-1');
    entry.element.focus({ preventScroll: true });
    if (!docked) setPanel(null);
  };

  const minutesLeft = Math.ceil(Math.max(0, article.readingMinutes) * (1 - progress));
  const showContents = outline.length > 0 && (docked ? panel !== 'contents' : panel === 'contents');
  const percent = Math.round(progress * 100);

  return (
    <>
      <div
        class="reading-progress"
        role="progressbar"
        aria-label={t('progressLabel')}
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={percent}
        data-testid="reading-progress"
      >
        <span style={{ transform: `scaleX(${progress})` }} />
      </div>
      <div
        class="reading-bar"
        role="group"
        aria-label={t('readingTools')}
        lang={t('lang')}
        dir={t('dir') as 'ltr' | 'rtl'}
        data-testid="reading-bar"
      >
        <span class="time-left" data-testid="time-left" aria-live="off">
          {minutesLeft > 0 ? plural('minutesLeft', minutesLeft) : t('finished')}
        </span>
        <div class="reading-bar-buttons">
          {outline.length > 0 && (
            <button
              type="button"
              class="icon-button"
              aria-label={t('contentsTitle')}
              title={`${t('contentsTitle')} (c)`}
              aria-expanded={showContents}
              aria-controls="reader-contents"
              onClick={() => toggle('contents')}
              data-testid="contents-toggle"
            >
              <ContentsIcon />
            </button>
          )}
          <button
            type="button"
            class={listen.state === 'playing' ? 'icon-button is-active' : 'icon-button'}
            aria-label={t('listenTitle')}
            title={`${t('listenTitle')} (l)`}
            aria-expanded={panel === 'listen'}
            aria-controls="reader-listen"
            onClick={() => toggle('listen')}
            data-testid="listen-open"
          >
            <HeadphonesIcon />
          </button>
          <button
            type="button"
            class="icon-button"
            aria-label={t('settingsTitle')}
            title={`${t('settingsTitle')} (a)`}
            aria-expanded={panel === 'settings'}
            aria-controls="reader-settings"
            onClick={() => toggle('settings')}
            data-testid="settings-toggle"
          >
            <TypeIcon />
          </button>
          <button
            type="button"
            class="icon-button"
            aria-label={t('helpTitle')}
            title={`${t('helpTitle')} (?)`}
            aria-haspopup="dialog"
            onClick={() => setHelp(true)}
            data-testid="help-open"
          >
            <KeyboardIcon />
          </button>
        </div>
        {/* Panels hang from the sticky bar, over the text: opening one never moves what is being read. */}
        {panel === 'settings' && (
          <SettingsPanel id="reader-settings" settings={settings} update={update} saved={saved} />
        )}
        {panel === 'listen' && (
          <ListenPanel
            id="reader-listen"
            state={listen.state}
            available={listen.available}
            rate={settings.speechRate}
            voices={listen.voices}
            voiceURI={listen.voiceURI}
            onToggle={listen.toggle}
            onStop={listen.stop}
            onRate={(speechRate) => update({ speechRate })}
            onVoice={listen.setVoice}
          />
        )}
        {showContents && (
          <ContentsPanel
            id="reader-contents"
            outline={outline}
            current={current}
            docked={docked}
            width={dock}
            onJump={jump}
            lang={lang}
            dir={dir}
          />
        )}
      </div>
      <div lang={t('lang')} dir={t('dir') as 'ltr' | 'rtl'}>
        {help && <HelpOverlay onClose={() => setHelp(false)} hidden={canSave() ? [] : ['save']} />}
      </div>
    </>
  );
}
