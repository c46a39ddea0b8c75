import { describe, expect, it } from 'vitest';
import { adSlots } from '../ad-slots';
import { runStep } from './run-step';

const PARA = '<p>Врачи-диетологи напоминают, что придерживаться такой диеты дольше двух недель не стоит: в рационе не хватает белка.</p>';

describe('ad-slots: banners an ad server serves', () => {
  it('removes the banner with its label, whatever the label says', () => {
    const run = runStep(adSlots, `${PARA}<div><center><span>Реклама</span><br><img src="https://ads.partner.example/delivery/avw.php?zoneid=212&amp;cb=58211" alt=""></center></div>${PARA}`);
    expect(run.removed).toEqual(['Реклама']);
    expect(run.root.querySelectorAll('img')).toHaveLength(0);
    expect(run.root.querySelectorAll('p')).toHaveLength(2);
  });

  it('keeps the story’s own pictures, and a figure whose picture comes from an ad server keeps its caption', () => {
    const own = runStep(adSlots, `${PARA}<p><img src="https://pitanie.example/img/grechka.jpg" alt="Гречка"></p>`);
    expect(own.removed).toEqual([]);
    const figure = runStep(adSlots, `${PARA}<figure><img src="https://cdn.example/adserver/banner.jpg" alt=""><figcaption>Так выглядел рекламный щит на площади в 1998 году.</figcaption></figure>`);
    expect(figure.removed).toEqual([]);
  });

  it('takes only the slot: a paragraph of text around the banner stays', () => {
    const run = runStep(adSlots, `<div>${PARA}<img src="https://ad.example/adserver/show?bannerid=4" alt=""></div>`);
    expect(run.text).toContain('Врачи-диетологи напоминают');
    expect(run.root.querySelector('img')).toBeNull();
  });
});
