import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { collectSentences, type Sentence } from './sentences';
import { Speaker, type SpeakerState } from './speaker';
import { pickVoice, voicesFor } from './voices';

/** The CSS Custom Highlight that marks the sentence being read (styled as `::highlight(cr-speaking)`). */
export const SPEAKING_HIGHLIGHT = 'cr-speaking';

interface HighlightRegistry {
  set(name: string, highlight: unknown): void;
  delete(name: string): void;
}
type HighlightCtor = new (...ranges: Range[]) => unknown;

function highlights(): { registry: HighlightRegistry; Highlight: HighlightCtor } | null {
  const css = (globalThis as { CSS?: { highlights?: HighlightRegistry } }).CSS;
  const Highlight = (globalThis as { Highlight?: HighlightCtor }).Highlight;
  return css?.highlights && Highlight ? { registry: css.highlights, Highlight } : null;
}

export interface ListenState {
  available: boolean;
  state: SpeakerState;
  voices: SpeechSynthesisVoice[];
  voiceURI: string | null;
  toggle: () => void;
  stop: () => void;
  setVoice: (voiceURI: string) => void;
}

/**
 * Reading `body` aloud. The sentence being read is highlighted with the CSS Custom Highlight API (no
 * change to the article's DOM) and scrolled into view when it leaves the comfortable middle of the page.
 */
export function useListen(
  body: HTMLElement | null,
  html: string,
  lang: string | undefined,
  rate: number,
  preferredVoice: string | null,
  onVoiceChosen: (voiceURI: string) => void,
): ListenState {
  const synth = typeof speechSynthesis !== 'undefined' ? speechSynthesis : null;
  const [state, setState] = useState<SpeakerState>('idle');
  const [allVoices, setAllVoices] = useState<SpeechSynthesisVoice[]>([]);
  const sentences = useRef<Sentence[]>([]);

  const speaker = useMemo(() => {
    if (!synth || typeof SpeechSynthesisUtterance === 'undefined') return null;
    return new Speaker(synth, (text) => new SpeechSynthesisUtterance(text), {
      onState: setState,
      onSentence: (index) => mark(sentences.current[index]?.range ?? null),
    });
  }, [synth]);

  // Voices arrive late in Chromium (`voiceschanged`).
  useEffect(() => {
    if (!synth) return;
    const read = () => setAllVoices(synth.getVoices());
    read();
    synth.addEventListener?.('voiceschanged', read);
    return () => synth.removeEventListener?.('voiceschanged', read);
  }, [synth]);

  // A new article (or the removed blocks shown) means new sentences.
  useEffect(() => {
    if (!speaker || !body) return;
    sentences.current = collectSentences(body, lang);
    speaker.load(
      sentences.current.map((s) => s.text),
      lang ?? '',
    );
  }, [speaker, body, html, lang]);

  useEffect(() => () => speaker?.stop(), [speaker]);

  const voices = useMemo(() => {
    const matching = voicesFor(allVoices, lang);
    return matching.length > 0 ? matching : allVoices;
  }, [allVoices, lang]);
  const voice = pickVoice(allVoices, lang, preferredVoice);

  useEffect(() => {
    speaker?.configure({ rate, voice });
  }, [speaker, rate, voice?.voiceURI]);

  return {
    available: Boolean(speaker),
    state,
    voices,
    voiceURI: voice?.voiceURI ?? null,
    toggle: () => speaker?.toggle(),
    stop: () => speaker?.stop(),
    setVoice: onVoiceChosen,
  };
}

function mark(range: Range | null): void {
  const api = highlights();
  if (api) {
    if (range) api.registry.set(SPEAKING_HIGHLIGHT, new api.Highlight(range));
    else api.registry.delete(SPEAKING_HIGHLIGHT);
  }
  if (range) keepInView(range);
}

/** Scrolls so the sentence sits in the upper third when it is near an edge or out of sight. */
function keepInView(range: Range): void {
  const rect = range.getBoundingClientRect();
  if (!rect || (rect.width === 0 && rect.height === 0)) return;
  const top = 110; // below the sticky bars
  if (rect.top >= top && rect.bottom <= window.innerHeight - 48) return;
  const smooth = !window.matchMedia?.('(prefers-reduced-motion: reduce)').matches;
  window.scrollBy({ top: rect.top - window.innerHeight / 3, behavior: smooth ? 'smooth' : 'auto' });
}
