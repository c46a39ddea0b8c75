/**
 * Articles for the library's tests, shaped as lib/extract returns them. Texts are short, invented news
 * reports in several languages and scripts (no real people or outlets), because search must work in all
 * of them.
 */
import type { Article } from '../../extract/types';

export interface Story {
  url: string;
  title: string;
  siteName: string;
  lang: string;
  dir?: 'ltr' | 'rtl';
  paragraphs: string[];
}

export const STORIES = {
  harbour: {
    url: 'https://news.example.org/2024/03/harbour-ferry-timetable/',
    title: 'Harbour ferries return to a winter timetable',
    siteName: 'Example Coast News',
    lang: 'en',
    paragraphs: [
      'The council confirmed on Tuesday that the harbour ferries will run every forty minutes until the end of March, after a consultation that drew more than two thousand responses.',
      'Commuters on the northern route said the longer gaps would make them late for work. A spokesperson for the operator said the change was needed to repair two of the older vessels.',
      'The government grant that paid for the new pontoon last year does not cover maintenance, the report notes.',
    ],
  },
  election: {
    url: 'https://daily.example.net/politics/regional-election-turnout?id=4412&utm_source=newsletter',
    title: 'Turnout rises in regional election',
    siteName: 'Example Daily',
    lang: 'en',
    paragraphs: [
      'Turnout in the regional election reached sixty-one percent, the highest figure since the boundaries were redrawn.',
      'Election officials credited longer opening hours at polling stations and a campaign aimed at first-time voters.',
      'Counting continued overnight in the eastern districts, where several seats were decided by fewer than a hundred votes.',
    ],
  },
  ecole: {
    url: 'https://journal.example.fr/societe/ecole-rentree.html',
    title: 'À la rentrée, l’école du quartier rouvre ses portes',
    siteName: 'Journal d’Exemple',
    lang: 'fr',
    paragraphs: [
      'Après dix-huit mois de travaux, l’école élémentaire du quartier accueille de nouveau ses élèves dans des bâtiments rénovés.',
      'La municipalité a présenté un résumé des dépenses : la façade et la cantine ont absorbé la plus grande part du budget.',
    ],
  },
  tokyo: {
    url: 'https://shimbun.example.jp/articles/20240405-sakura',
    title: '東京で桜が満開に',
    siteName: '例示新聞',
    lang: 'ja',
    paragraphs: [
      '気象台は五日、東京都心で桜が満開になったと発表した。平年より三日遅い。',
      '週末には多くの花見客が公園を訪れる見込みで、区は臨時のごみ箱を設置する。',
    ],
  },
  moscow: {
    url: 'https://vesti.example.ru/city/metro-line',
    title: 'Новая линия метро откроется осенью',
    siteName: 'Пример Вести',
    lang: 'ru',
    paragraphs: [
      'Строительство новой линии метрополитена завершится к осени, сообщили в городской администрации.',
      'Пассажиры смогут добраться от вокзала до аэропорта за двадцать минут.',
    ],
  },
  arabic: {
    url: 'https://akhbar.example.ae/local/library-opening',
    title: 'افتتاح مكتبة عامة جديدة في المدينة',
    siteName: 'أخبار المثال',
    lang: 'ar',
    dir: 'rtl',
    paragraphs: [
      'افتُتِحَت المَكتَبة العامة الجديدة صباح اليوم بحضور عدد كبير من القراء.',
      'وتضم المكتبة أكثر من خمسين ألف كتاب وقاعة للأطفال.',
    ],
  },
  thai: {
    url: 'https://khao.example.th/news/rain-season',
    title: 'ฤดูฝนมาถึงเร็วกว่าปกติ',
    siteName: 'ข่าวตัวอย่าง',
    lang: 'th',
    paragraphs: ['กรมอุตุนิยมวิทยาประกาศว่าฤดูฝนเริ่มต้นแล้วในภาคกลาง', 'ประชาชนควรเตรียมพร้อมรับมือกับน้ำท่วม'],
  },
} satisfies Record<string, Story>;

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** An Article as the extraction pipeline returns it for `story`. */
export function articleOf(story: Story, overrides: Partial<Article> = {}): Article {
  const text = story.paragraphs.join('\n\n');
  const words = text.split(/\s+/).length;
  return {
    kind: 'article',
    url: story.url,
    title: story.title,
    byline: null,
    siteName: story.siteName,
    lang: story.lang,
    dir: story.dir ?? 'ltr',
    publishedTime: '2024-03-05T08:00:00Z',
    excerpt: story.paragraphs[0].slice(0, 160),
    leadImage: null,
    contentHtml: story.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n'),
    text,
    wordCount: words,
    readingMinutes: Math.max(1, Math.round(words / 230)),
    removed: [],
    ...overrides,
  };
}

/** The n-th of many distinct English articles, for volume tests. */
export function numberedArticle(n: number): Article {
  return articleOf({
    url: `https://blog.example.com/posts/${n}`,
    title: `Field notes, entry ${n}`,
    siteName: 'Example Field Notes',
    lang: 'en',
    paragraphs: [
      `Entry ${n} records the morning survey of the river bank.`,
      `Marker word batch${n} identifies this entry.`,
    ],
  });
}

let counter = 0;
/** A database name no other test uses. */
export function freshName(prefix = 'library-test'): string {
  counter++;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2)}`;
}
