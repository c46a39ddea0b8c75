/** Choosing a voice for the article: the user's pick when it speaks the article's language, else the best match. */

export interface VoiceLike {
  voiceURI: string;
  name: string;
  lang: string;
  default: boolean;
  localService?: boolean;
}

function primary(tag: string | null | undefined): string {
  return (tag ?? '').replace(/_/g, '-').split('-')[0].toLowerCase();
}

/** The voices that speak `lang` (same primary language), best first: exact region, then default, then local. */
export function voicesFor<V extends VoiceLike>(voices: readonly V[], lang: string | null | undefined): V[] {
  const want = primary(lang);
  const exact = (lang ?? '').replace(/_/g, '-').toLowerCase();
  const score = (v: V) =>
    (v.lang.replace(/_/g, '-').toLowerCase() === exact ? 4 : 0) + (v.default ? 2 : 0) + (v.localService ? 1 : 0);
  return voices.filter((v) => want && primary(v.lang) === want).sort((a, b) => score(b) - score(a));
}

/**
 * The voice to read an article in `lang` with: `preferred` (a `voiceURI`) when it speaks that language,
 * else the best voice for it, else null (the browser's default voice).
 */
export function pickVoice<V extends VoiceLike>(
  voices: readonly V[],
  lang: string | null | undefined,
  preferred?: string | null,
): V | null {
  const matching = voicesFor(voices, lang);
  return (
    matching.find((v) => v.voiceURI === preferred) ??
    matching[0] ??
    (lang ? null : (voices.find((v) => v.voiceURI === preferred) ?? null))
  );
}
