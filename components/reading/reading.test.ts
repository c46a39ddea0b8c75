/** The reading tools' pure parts on jsdom documents: outline, sentences, voices, keys, the speaker. */
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { collectOutline } from './headings';
import { actionFor } from './keys';
import { collectSentences } from './sentences';
import { Speaker, type SpeakerState } from './speaker';
import { pickVoice } from './voices';

function body(html: string): HTMLElement {
  return new JSDOM(`<!doctype html><body><div id="b">${html}</div>`).window.document.getElementById('b')!;
}

describe('outline', () => {
  it('lists headings in order with ids to link to, skipping empty and hidden ones', () => {
    const b = body(
      '<h2 id="kept">Anfang</h2><p>x</p><h3></h3><h3>Mitte</h3><div hidden><h2>Versteckt</h2></div><h4>Ende</h4>',
    );
    const outline = collectOutline(b);
    expect(outline.map((e) => [e.text, e.level])).toEqual([
      ['Anfang', 2],
      ['Mitte', 3],
      ['Ende', 4],
    ]);
    expect(outline[0].id).toBe('kept');
    expect(b.querySelector(`#${outline[1].id}`)?.textContent).toBe('Mitte');
  });
});

describe('sentences', () => {
  it('splits by block and by sentence, with ranges covering exactly the spoken text', () => {
    const b = body(
      '<h2>Heading without stop</h2><p>First one. Second <em>has emphasis</em> inside! Third?</p><pre>code();</pre>',
    );
    const sentences = collectSentences(b, 'en');
    expect(sentences.map((s) => s.text)).toEqual([
      'Heading without stop',
      'First one.',
      'Second has emphasis inside!',
      'Third?',
    ]);
    expect(sentences[2].range.toString()).toBe('Second has emphasis inside!');
  });

  it('segments right-to-left Arabic text at its own question mark', () => {
    const ar = collectSentences(body('<p>هذه جملة أولى. وهذه جملة ثانية؟</p>'), 'ar');
    expect(ar.map((s) => s.text)).toEqual(['هذه جملة أولى.', 'وهذه جملة ثانية؟']);
  });
});

describe('voices', () => {
  const voices = [
    { voiceURI: 'en-us', name: 'US', lang: 'en-US', default: true },
    { voiceURI: 'id-1', name: 'Damayanti', lang: 'id-ID', default: false },
    { voiceURI: 'en-gb', name: 'UK', lang: 'en-GB', default: false },
  ];
  it('defaults to a voice in the article’s language, keeping the user’s pick when it fits', () => {
    expect(pickVoice(voices, 'id')?.voiceURI).toBe('id-1');
    expect(pickVoice(voices, 'en-GB')?.voiceURI).toBe('en-gb');
    expect(pickVoice(voices, 'en', 'en-gb')?.voiceURI).toBe('en-gb');
    expect(pickVoice(voices, 'id', 'en-gb')?.voiceURI).toBe('id-1');
    expect(pickVoice(voices, 'fr')).toBeNull();
  });
});

describe('keys', () => {
  const press = (key: string, target: Partial<HTMLElement> | null = null, mods = {}) =>
    actionFor({ key, ctrlKey: false, metaKey: false, altKey: false, target, ...mods } as unknown as KeyboardEvent);
  it('maps single keys to actions, but not while typing or with modifiers', () => {
    expect(press('+')).toBe('bigger');
    expect(press('?')).toBe('help');
    expect(press('t')).toBe('theme');
    expect(press('t', null, { ctrlKey: true })).toBeNull();
    const input = new JSDOM('<input type="text">').window.document.querySelector('input')!;
    expect(press('t', input)).toBeNull();
    expect(press('Escape', input)).toBe('close');
  });
});

describe('speaker', () => {
  function fakeSynth() {
    const spoken: Array<{ text: string; rate: number; onend?: () => void }> = [];
    return {
      spoken,
      cancel: () => undefined,
      speak: (u: SpeechSynthesisUtterance) => spoken.push(u as unknown as { text: string; rate: number }),
    };
  }
  const utterance = (text: string) => ({ text, rate: 1, lang: '' }) as unknown as SpeechSynthesisUtterance;

  it('reads sentence after sentence, reports each, pauses and resumes at the same sentence', () => {
    const synth = fakeSynth();
    const seen: number[] = [];
    const states: SpeakerState[] = [];
    const speaker = new Speaker(synth, utterance, { onSentence: (i) => seen.push(i), onState: (s) => states.push(s) });
    speaker.load(['One.', 'Two.', 'Three.'], 'en');
    speaker.rate = 1.5;
    speaker.play();
    synth.spoken[0].onend!();
    expect(seen).toEqual([-1, 0, 1]);
    expect(synth.spoken.map((u) => u.text)).toEqual(['One.', 'Two.']);
    expect(synth.spoken[1].rate).toBe(1.5);
    speaker.pause();
    synth.spoken[1].onend?.(); // a cancelled utterance's late end event changes nothing
    expect(speaker.status).toBe('paused');
    speaker.play();
    expect(synth.spoken.at(-1)!.text).toBe('Two.');
    synth.spoken.at(-1)!.onend!();
    synth.spoken.at(-1)!.onend!();
    expect(speaker.status).toBe('idle');
    expect(states).toEqual(['playing', 'paused', 'playing', 'idle']);
  });
});
