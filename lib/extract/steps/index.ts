/**
 * The clean-up steps, in the order they run. The order matters and is documented here only:
 *
 * Before Readability (on the whole page copy), so that Readability scores the article without the
 * page's chrome and sees every picture:
 *   1. lazy-images: real sources for lazy pictures, or Readability drops them as empty.
 *
 * After Readability (on the article it picked), where each removal can be shown to the user in place:
 *   1. image-link-spam, site-logo: picture links first, so the lines they leave empty read as empty to
 *      the steps that look at the article's opening and tail.
 *   2. duplicate-title, opening-meta: the title, date, "N min read" and byline repeated above the story.
 *   3. legal-footer: copyright lines in the tail.
 *   4. repeated-blocks: a second copy of a standfirst or a pull quote, once chrome no longer pads them.
 *   5. empty-elements: last, to sweep the shells every earlier step left.
 */
import type { CleanupStep } from '../step';
import { duplicateTitle } from './duplicate-title';
import { emptyElements } from './empty-elements';
import { imageLinkSpam } from './image-link-spam';
import { lazyImages } from './lazy-images';
import { legalFooter } from './legal-footer';
import { openingMeta } from './opening-meta';
import { repeatedBlocks } from './repeated-blocks';
import { siteLogo } from './site-logo';

export const BEFORE_READABILITY: CleanupStep[] = [lazyImages];
export const AFTER_READABILITY: CleanupStep[] = [imageLinkSpam, siteLogo, duplicateTitle, openingMeta, legalFooter, repeatedBlocks, emptyElements];
