/**
 * Vitest setup for unit tests.
 *
 * Preact runs effects after paint through requestAnimationFrame with a 100 ms timeout fallback that
 * calls cancelAnimationFrame; when a test file ends inside that window, jsdom's globals are already
 * gone and the timer throws "cancelAnimationFrame is not defined" into the run. Scheduling after-paint
 * work on a plain timer keeps effects asynchronous, as in a browser, without the dangling frame.
 */
import { options } from 'preact';

options.requestAnimationFrame = (callback: () => void) => {
  setTimeout(callback, 0);
};
