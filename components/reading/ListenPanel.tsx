import { t } from '@/utils/i18n';
import { SPEECH_RATE } from '@/utils/settings';
import { PauseIcon, PlayIcon, StopIcon } from './reading-icons';
import type { SpeakerState } from './speaker';

export interface ListenPanelProps {
  id: string;
  state: SpeakerState;
  /** False when the browser has no speech synthesis: the panel says so instead. */
  available: boolean;
  rate: number;
  voices: SpeechSynthesisVoice[];
  voiceURI: string | null;
  onToggle: () => void;
  onStop: () => void;
  onRate: (rate: number) => void;
  onVoice: (voiceURI: string) => void;
}

const RATES: number[] = [];
for (let r = SPEECH_RATE.min; r <= SPEECH_RATE.max + 1e-9; r += SPEECH_RATE.step) RATES.push(Math.round(r * 100) / 100);

/** Play or pause, stop, speed and voice for reading the article aloud. */
export function ListenPanel(props: ListenPanelProps) {
  const { id, state, available, rate, voices, voiceURI } = props;
  const nf = new Intl.NumberFormat(t('lang'), { maximumFractionDigits: 2 });
  if (!available) {
    return (
      <section class="reading-panel listen-panel" id={id} aria-label={t('listenTitle')} data-testid="listen-panel">
        <p class="panel-note">{t('listenUnavailable')}</p>
      </section>
    );
  }
  const playing = state === 'playing';
  return (
    <section class="reading-panel listen-panel" id={id} aria-label={t('listenTitle')} data-testid="listen-panel">
      <div class="listen-buttons">
        <button
          type="button"
          class="button button-primary"
          onClick={props.onToggle}
          data-testid="listen-toggle"
          data-state={state}
        >
          {playing ? <PauseIcon /> : <PlayIcon />}
          <span>{playing ? t('listenPause') : state === 'paused' ? t('listenResume') : t('listenPlay')}</span>
        </button>
        <button
          type="button"
          class="button"
          onClick={props.onStop}
          disabled={state === 'idle'}
          data-testid="listen-stop"
        >
          <StopIcon />
          <span>{t('listenStop')}</span>
        </button>
      </div>
      <div class="listen-options">
        <label>
          <span>{t('listenSpeed')}</span>
          <select
            value={String(rate)}
            onChange={(e) => props.onRate(Number(e.currentTarget.value))}
            data-testid="listen-rate"
          >
            {RATES.map((r) => (
              <option key={r} value={String(r)}>
                {t('speedTimes', nf.format(r))}
              </option>
            ))}
          </select>
        </label>
        <label>
          <span>{t('listenVoice')}</span>
          <select
            value={voiceURI ?? ''}
            onChange={(e) => props.onVoice(e.currentTarget.value)}
            data-testid="listen-voice"
            disabled={voices.length === 0}
          >
            {voices.length === 0 && <option value="">{t('listenDefaultVoice')}</option>}
            {voices.map((v) => (
              <option key={v.voiceURI} value={v.voiceURI}>
                {v.name} ({v.lang})
              </option>
            ))}
          </select>
        </label>
      </div>
    </section>
  );
}
