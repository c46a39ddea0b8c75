import { describe, expect, it } from 'vitest';
import { teaserList } from '../teaser-list';
import { runStep } from './run-step';

const STORY = `<p>Гречневая диета относится к монодиетам: основу рациона составляет гречневая крупа, заваренная с вечера кипятком без соли и масла.</p>
<p>Врачи-диетологи напоминают, что придерживаться такой диеты дольше двух недель не стоит: в рационе не хватает белка, жиров и витаминов.</p>`;
const card = (slug: string, text: string) => `<div class="tum"><p><a href="https://pitanie.example/${slug}.html"><img src="https://pitanie.example/nif/${slug}.jpg" alt=""></a></p><p>${text}</p></div>`;
const CARDS = [card('belkovaya', 'Популярная диета. До 10 кг за 14 дней.'), card('kefirnaya', 'Лёгкая диета на кефире.'), card('risovaya', 'Очищающая диета на рисе.')].join('');

describe('teaser-list: cards whose picture is the link', () => {
  it('removes a run of picture-linked cards without headlines after the story', () => {
    const run = runStep(teaserList, `${STORY}<div id="tumblock">${CARDS}</div>`);
    expect(run.text).not.toContain('Популярная диета');
    expect(run.text).toContain('Врачи-диетологи напоминают');
  });

  it('removes kicker-headlined picture cards', () => {
    const kicker = (slug: string, k: string, t: string) => `<div><div><a href="https://news.example/${slug}"><img src="https://news.example/${slug}.jpg" alt=""></a></div><div><h3>${k}</h3><p>${t}</p></div></div>`;
    const run = runStep(teaserList, `${STORY}<div>${kicker('a', 'ВЫБОР', 'Жители выбрали новый парк')}${kicker('b', 'СПОРТ', 'Команда вышла в финал')}${kicker('c', 'ПОГОДА', 'Снег ожидается в среду')}</div>${STORY}`);
    expect(run.text).not.toContain('Команда вышла в финал');
  });

  it('keeps the same cards inside the story, and picture links to the full-size file', () => {
    const inside = runStep(teaserList, `<div>${CARDS}</div>${STORY}`);
    expect(inside.removed).toEqual([]);
    const zoom = (n: number) => `<div><p><a href="https://pitanie.example/img/${n}-big.jpg"><img src="https://pitanie.example/img/${n}.jpg" alt=""></a></p><p>Шаг ${n}: крупу промывают.</p></div>`;
    expect(runStep(teaserList, `${STORY}<div>${zoom(1)}${zoom(2)}${zoom(3)}</div>`).removed).toEqual([]);
  });
});
