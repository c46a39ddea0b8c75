/**
 * The clean-up steps, in the order they run. The order matters and is documented here only:
 *
 * Before Readability (on the whole page copy), so that Readability scores the article without the
 * page's chrome and sees every picture:
 *   (none yet)
 *
 * After Readability (on the article it picked), where each removal can be shown to the user in place:
 *   (none yet)
 */
import type { CleanupStep } from '../step';

export const BEFORE_READABILITY: CleanupStep[] = [];
export const AFTER_READABILITY: CleanupStep[] = [];
