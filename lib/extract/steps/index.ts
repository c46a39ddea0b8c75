/**
 * The clean-up steps, in the order they run. The order matters and is documented here only:
 *
 * Before Readability (on the whole page copy), so that Readability scores the article without the
 * page's chrome and sees every picture:
 *   1. hidden: what the page hides from readers, so nothing later scores or rescues it.
 *   2. prompts: newsletter, paywall, consent and comment boxes, found by their form fields and buttons,
 *      which Readability strips (keeping the boxes' text): so this must run before it.
 *   3. author-box: the bio card after the story, while its `rel="author"` mark (which Readability
 *      takes out as the byline) is still there.
 *   4. lazy-images: real sources for lazy pictures, or Readability drops them as empty.
 *
 * After Readability (on the article it picked), where each removal can be shown to the user in place:
 *   1. landmarks, ad-slots, comments, controls, ui-labels: what the page's own markup labels as
 *      not-the-story (ARIA roles, microdata, ad machinery, comment threads, buttons, the word labels of
 *      scripted controls). Surest, so they go first and later steps measure the article without them;
 *      controls before share-bars so a bar's buttons are gone.
 *   2. share-bars, image-link-spam, site-logo: links judged by their targets, before link-blocks, which
 *      judges by link *text* and would miss icon-only and picture links.
 *   3. link-blocks, teaser-list, story-feed, tag-list: navigation, related lists, promo lines (link
 *      density), then runs of story teasers (linked headlines over unlinked summaries), then other posts
 *      marked up as `<article>`s after the story's own, then the tag list in the tail.
 *   4. duplicate-title, opening-meta: the title, date, "N min read" and byline repeated above the story;
 *      after 1-3, so the "opening" they inspect is the story's, not a menu's. Then photo-credits: the
 *      attribution lines of pictures (captions stay), before repeated-blocks compares captions.
 *   5. legal-footer, publisher-note, promo-lines, trailing-chrome: copyright lines in the tail, the
 *      publisher's note about itself closing a press release, subscription pitches above or below the
 *      story, then what is left after the story's last paragraph (headings over lists taken out in 1-3,
 *      labels, contact and follow lines: after the pitch that would otherwise end the tail's walk).
 *   6. repeated-blocks: a second copy of a standfirst or a pull quote, once chrome no longer pads them.
 *   7. empty-elements: last, to sweep the shells every earlier step left.
 *
 * On a whole page body (the best effort "show anyway" offers when the page is no article, such as a shop
 * page): the after steps that judge a block by its own markup, links or text, in the same order. Those
 * that look for a story's opening, tail or standfirst (story-feed, tag-list, duplicate-title, opening-meta,
 * publisher-note, promo-lines, repeated-blocks) assume an article and are left out.
 *
 * Where they run. The reader splits the pipeline at Readability (pipeline.ts `extractPageHalf` /
 * `finishPageHalf`): hidden-block pruning, the before steps and Readability run in the page (they need
 * the live page), and the page sends Readability's article and the copy's head as HTML; the extension
 * parses them inert and runs the after steps (and WHOLE_BODY on the body it asks for when the article is
 * too short), so the after steps stay out of the injected script (issue 8's 60 KB). After steps thus see
 * the article as an HTML parser builds it (a `<p>` Readability wrapped around a block comes out split,
 * its empty pieces swept by empty-elements) and without `on*` attributes. `extractArticle` (Node, the
 * background's save) runs everything in one place, on Readability's own tree.
 */
import type { CleanupStep } from '../step';
import { duplicateTitle } from './duplicate-title';
import { emptyElements } from './empty-elements';
import { imageLinkSpam } from './image-link-spam';
import { lazyImages } from './lazy-images';
import { legalFooter } from './legal-footer';
import { openingMeta } from './opening-meta';
import { photoCredits } from './photo-credits';
import { repeatedBlocks } from './repeated-blocks';
import { siteLogo } from './site-logo';
import { adSlots } from './ad-slots';
import { controls } from './controls';
import { hidden } from './hidden';
import { landmarks } from './landmarks';
import { linkBlocks } from './link-blocks';
import { comments } from './comments';
import { prompts } from './prompts';
import { shareBars } from './share-bars';
import { storyFeed } from './story-feed';
import { publisherNote } from './publisher-note';
import { promoLines } from './promo-lines';
import { authorBox } from './author-box';
import { tagList } from './tag-list';
import { teaserList } from './teaser-list';
import { trailingChrome } from './trailing-chrome';
import { uiLabels } from './ui-labels';

export const BEFORE_READABILITY: CleanupStep[] = [hidden, prompts, authorBox, lazyImages];
export const AFTER_READABILITY: CleanupStep[] = [
  landmarks,
  adSlots,
  comments,
  controls,
  uiLabels,
  shareBars,
  imageLinkSpam,
  siteLogo,
  linkBlocks,
  teaserList,
  storyFeed,
  tagList,
  duplicateTitle,
  openingMeta,
  photoCredits,
  legalFooter,
  publisherNote,
  promoLines,
  trailingChrome,
  repeatedBlocks,
  emptyElements,
];
export const WHOLE_BODY: CleanupStep[] = [
  landmarks,
  adSlots,
  comments,
  controls,
  uiLabels,
  shareBars,
  imageLinkSpam,
  siteLogo,
  linkBlocks,
  legalFooter,
  emptyElements,
];
