/**
 * Which lines of one text the other lacks, judged with the scorer's own words and shingles: a quick
 * view of what clutter an extractor kept and what article text it lost (`bench:quality --page ID`).
 */
import { shingles, tokenize } from './score';

/** Lines of `text` most of whose shingles (or, for a line under 4 words, whose words in order) are not in `other`. */
export function linesMissingFrom(text: string, other: string): string[] {
  const otherTokens = tokenize(other);
  const otherShingles = shingles(otherTokens);
  const otherJoined = ` ${otherTokens.join(' ')} `;
  const out: string[] = [];
  for (const line of text.split('\n')) {
    const tokens = tokenize(line);
    if (!tokens.length) continue;
    if (tokens.length < 4) {
      if (!otherJoined.includes(` ${tokens.join(' ')} `)) out.push(line.trim());
      continue;
    }
    const own = shingles(tokens);
    let absent = 0;
    let total = 0;
    for (const [key, n] of own) {
      total += n;
      if (!otherShingles.has(key)) absent += n;
    }
    if (absent / total > 0.5) out.push(line.trim());
  }
  return out;
}
