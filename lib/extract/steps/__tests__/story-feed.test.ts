import { describe, expect, it } from 'vitest';
import { storyFeed } from '../story-feed';
import { runStep } from './run-step';

const STORY = `<article class="post">
  <p>O conselho do bairro aprovou na terça-feira a reforma da praça central, depois de três audiências públicas e de uma votação apertada entre os moradores.</p>
  <figure><img src="https://blog.example/praca.jpg" alt="A praça"><figcaption>A praça central antes da reforma.</figcaption></figure>
  <blockquote><p>“Esperamos por isso durante anos”, disse uma moradora.</p></blockquote>
  <ul><li>novos bancos</li><li>iluminação</li></ul>
  <pre><code class="language-js">const bancos = 12;\nconst postes = 30;</code></pre>
</article>`;

const teaser = (n: number) => `<article class="post teaser"><a href="https://blog.example/post-${n}" rel="bookmark"><img src="https://blog.example/${n}.jpg" alt=""></a><p>Resumo do post ${n}, que conta outra história do bairro e termina de repente …</p></article>`;

describe('story-feed', () => {
  it('removes a block of other posts marked up as articles after the story', () => {
    const run = runStep(storyFeed, `${STORY}<article class="related"><h3>Você pode gostar...</h3>${teaser(1)}${teaser(2)}${teaser(3)}</article>`);
    expect(run.removed).toHaveLength(1);
    expect(run.text).not.toContain('Resumo do post');
    expect(run.text).not.toContain('Você pode gostar');
    // What the story holds survives: figure with caption, quote, list, code with its line break.
    expect(run.text).toContain('A praça central antes da reforma.');
    expect(run.root.querySelector('blockquote')).not.toBeNull();
    expect(run.root.querySelectorAll('li')).toHaveLength(2);
    expect(run.root.querySelector('pre code.language-js')?.textContent).toBe('const bancos = 12;\nconst postes = 30;');
  });

  it('removes a plain wrapper of teaser articles too', () => {
    const run = runStep(storyFeed, `${STORY}<section>${teaser(1)}${teaser(2)}</section>`);
    expect(run.text).not.toContain('Resumo do post');
    expect(run.text).toContain('O conselho do bairro aprovou');
  });

  it('keeps a live blog: entries that are siblings in one feed', () => {
    const entry = (n: number) => `<article class="entry"><h3>${n}:00</h3><p>Atualização ${n}: a votação continua no plenário e os vereadores discutem as emendas apresentadas pela oposição durante a manhã.</p></article>`;
    const run = runStep(storyFeed, `<div class="live">${entry(9)}${entry(10)}${entry(11)}</div>`);
    expect(run.removed).toEqual([]);
  });

  it('keeps a story whose feed of articles comes before it, and a single article after it', () => {
    const before = runStep(storyFeed, `<section>${teaser(1)}${teaser(2)}</section>${STORY}`);
    expect(before.removed).toEqual([]);
    const single = runStep(storyFeed, `${STORY}<div>${teaser(1)}</div>`);
    expect(single.removed).toEqual([]);
  });
});
