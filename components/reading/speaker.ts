/**
 * Reads sentences aloud one by one with the browser's `speechSynthesis`, and says which is being read.
 *
 * One utterance per sentence: Chromium stops long utterances after about 15 seconds, and per-sentence
 * `end` events are what moves the highlight. Pause cancels and remembers the sentence, because
 * `speechSynthesis.pause()` does nothing for some voices; play starts that sentence again.
 * The speech API is an argument, so tests pass a fake one.
 */

export type SpeakerState = 'idle' | 'playing' | 'paused';

export interface SpeechApi {
  speak(utterance: SpeechSynthesisUtterance): void;
  cancel(): void;
}

export interface SpeakerEvents {
  /** The sentence now being read (-1 when none). */
  onSentence(index: number): void;
  onState(state: SpeakerState): void;
}

export class Speaker {
  private texts: string[] = [];
  private index = 0;
  private state: SpeakerState = 'idle';
  /** Bumped on every cancel, so a cancelled utterance's late `end` event is ignored. */
  private generation = 0;
  rate = 1;
  voice: SpeechSynthesisVoice | null = null;
  lang = '';

  constructor(
    private readonly synth: SpeechApi,
    private readonly makeUtterance: (text: string) => SpeechSynthesisUtterance,
    private readonly events: SpeakerEvents,
  ) {}

  load(texts: string[], lang: string): void {
    this.stop();
    this.texts = texts;
    this.lang = lang;
  }

  get current(): number {
    return this.state === 'idle' ? -1 : this.index;
  }

  get status(): SpeakerState {
    return this.state;
  }

  play(from = this.index): void {
    if (this.texts.length === 0) return;
    this.index = Math.min(Math.max(0, from), this.texts.length - 1);
    this.synth.cancel();
    this.generation++;
    this.setState('playing');
    this.speakCurrent();
  }

  pause(): void {
    if (this.state !== 'playing') return;
    this.generation++;
    this.synth.cancel();
    this.setState('paused');
  }

  toggle(): void {
    if (this.state === 'playing') this.pause();
    else this.play();
  }

  stop(): void {
    this.generation++;
    this.synth.cancel();
    this.index = 0;
    this.setState('idle');
    this.events.onSentence(-1);
  }

  /** A new speed or voice takes effect from the sentence being read. */
  configure(change: { rate?: number; voice?: SpeechSynthesisVoice | null }): void {
    if (change.rate !== undefined) this.rate = change.rate;
    if (change.voice !== undefined) this.voice = change.voice;
    if (this.state === 'playing') this.play(this.index);
  }

  private speakCurrent(): void {
    const generation = this.generation;
    const utterance = this.makeUtterance(this.texts[this.index]);
    utterance.rate = this.rate;
    utterance.lang = this.voice?.lang ?? this.lang;
    if (this.voice) utterance.voice = this.voice;
    utterance.onend = () => {
      if (generation !== this.generation) return;
      if (this.index + 1 >= this.texts.length) {
        this.stop();
        return;
      }
      this.index++;
      this.speakCurrent();
    };
    utterance.onerror = (event) => {
      if (generation !== this.generation) return;
      // 'interrupted' and 'canceled' are our own cancel(); anything else stops reading.
      if (event.error !== 'interrupted' && event.error !== 'canceled') this.pause();
    };
    this.events.onSentence(this.index);
    this.synth.speak(utterance);
  }

  private setState(state: SpeakerState): void {
    if (state === this.state) return;
    this.state = state;
    this.events.onState(state);
  }
}
