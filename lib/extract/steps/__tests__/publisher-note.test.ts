import { describe, expect, it } from 'vitest';
import { publisherNote } from '../publisher-note';
import { runStep } from './run-step';

const URL = 'https://www.nordwerk.example/presse/2024/messsystem';
const STORY = `<p>Die Nordwerk AG hat mit einem Betreiberverbund aus Schweden und Norwegen einen Rahmenvertrag über die Lieferung ihres Messsystems für kommunale Klärwerke geschlossen. Der Vertrag läuft über fünf Jahre.</p>
<p>Das System misst Sauerstoff, Ammonium und Trübung im Belebungsbecken in Echtzeit und meldet Abweichungen an die Leitwarte, bevor Grenzwerte überschritten werden. Die Betreiber sparen so nach eigenen Angaben bis zu einem Fünftel der Energie für die Belüftung, und die ersten Anlagen sollen noch in diesem Jahr in Betrieb gehen.</p>
<table><tr><th>Land</th><th>Klärwerke</th></tr><tr><td>Schweden</td><td>12</td></tr></table>
<blockquote><p>„Die Betreiber wollen Energie sparen“, sagt die Leiterin des Geschäftsbereichs.</p></blockquote>`;
const NOTE = '<p>Nordwerk ist ein Anbieter von Mess- und Regeltechnik für die Wasserwirtschaft mit Sitz in Bremen und beschäftigt rund 900 Mitarbeitende.</p>';

describe('publisher-note', () => {
  it('removes the note after a rule that opens with the site name', () => {
    const run = runStep(publisherNote, `${STORY}<div><hr>${NOTE}</div>`, URL);
    expect(run.text).not.toContain('Anbieter von Mess- und Regeltechnik');
    expect(run.root.querySelector('hr')).toBeNull();
    expect(run.root.querySelector('table')).not.toBeNull();
    expect(run.root.querySelector('blockquote')).not.toBeNull();
    expect(run.text).toContain('die ersten Anlagen sollen noch in diesem Jahr');
  });

  it('removes a note under a short heading naming the site (the og:site_name when the host differs)', () => {
    const run = runStep(
      publisherNote,
      `${STORY}<h3>Über Beispiel Energie</h3><p>Die Beispiel Energie GmbH versorgt seit 1952 rund zwei Millionen Haushalte mit Strom und Wärme.</p>`,
      'https://presse.wire.example/release/4411',
      '<meta property="og:site_name" content="Beispiel Energie">',
    );
    expect(run.removed).toEqual(['Über Beispiel Energie', 'Die Beispiel Energie GmbH versorgt seit 1952 rund zwei Millionen Haushalte mit Strom und Wärme.']);
  });

  it('keeps footnotes after a rule, and a closing paragraph that merely names the site', () => {
    const footnotes = `${STORY}<hr><ol><li id="fn1">Nordwerk, Jahresbericht 2023, S. 14. <a href="#ref1">↩</a></li></ol>`;
    expect(runStep(publisherNote, footnotes, URL).removed).toEqual([]);
    const closing = `${STORY}<hr><p>Gegenüber der Zeitung sagte ein Sprecher von Nordwerk, man rechne mit weiteren Aufträgen.</p>`;
    expect(runStep(publisherNote, closing, URL).removed).toEqual([]);
  });

  it('keeps a story section under a heading that names the site when its text does not', () => {
    const run = runStep(publisherNote, `${STORY}<h3>Nordwerk im Norden</h3><p>Schon 2019 hatte ein Klärwerk bei Göteborg die Sensoren getestet.</p>`, URL);
    expect(run.removed).toEqual([]);
  });

  it('leaves a long tail alone: the note is never a third of the article', () => {
    const long = `${STORY}<hr>${NOTE}${NOTE.replace('Nordwerk ist', 'Außerdem ist')}${NOTE.replace('Nordwerk ist', 'Zudem ist')}${NOTE.replace('Nordwerk ist', 'Ferner ist')}`;
    expect(runStep(publisherNote, long, URL).removed).toEqual([]);
  });
});
