/**
 * Draws the toolbar icon as SVG and renders it to the PNGs the manifest lists (public/icon/16, 32, 48,
 * 128.png) with Chromium, so the artwork lives here as code and the PNGs are reproducible:
 *
 *   npx tsx scripts/make-icons.ts
 *
 * The mark: a page of clean lines (a heading bar and text lines) on the reader's teal. Small sizes get
 * fewer, thicker lines so they stay crisp at 16 px.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { chromiumPath } from './lib/browser-path';

const OUT = resolve(dirname(fileURLToPath(import.meta.url)), '../public/icon');
const SIZES = [16, 32, 48, 128] as const;
const TEAL = '#2d6a5f';
const TEAL_DARK = '#235349';
const PAPER = '#faf8f4';

/** The icon at `size` px, drawn on a 128-unit grid. */
function iconSvg(size: number): string {
  const small = size <= 16;
  const medium = size <= 32;
  // [x1, x2, y, stroke width] per line: a heading bar, then text lines; fewer and bolder when small.
  // Edges fall on whole pixels at 16 and 32 px (8 and 4 units a pixel), so the lines stay sharp.
  const lines: Array<[number, number, number, number]> = small
    ? [
        [32, 96, 40, 16],
        [32, 96, 64, 16],
        [32, 72, 88, 16],
      ]
    : medium
      ? [
          [36, 92, 42, 12],
          [36, 92, 64, 8],
          [36, 92, 84, 8],
          [36, 72, 104, 8],
        ]
      : [
          [38, 90, 40, 11],
          [38, 90, 62, 6],
          [38, 90, 78, 6],
          [38, 90, 94, 6],
          [38, 70, 110, 6],
        ];
  const radius = small ? 26 : 28;
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 128 128">
  <defs>
    <linearGradient id="g" x1="0" y1="0" x2="0" y2="1">
      <stop offset="0" stop-color="${TEAL}"/>
      <stop offset="1" stop-color="${TEAL_DARK}"/>
    </linearGradient>
  </defs>
  <rect x="4" y="4" width="120" height="120" rx="${radius}" fill="url(#g)"/>
  ${lines
    .map(
      ([x1, x2, y, w], i) =>
        `<path d="M${x1} ${y}H${x2}" stroke="${PAPER}" stroke-width="${w}" stroke-linecap="round" opacity="${i === 0 ? 1 : 0.92}"/>`,
    )
    .join('\n  ')}
</svg>`;
}

async function main(): Promise<void> {
  mkdirSync(OUT, { recursive: true });
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: ['--no-sandbox', '--disable-gpu'] });
  try {
    for (const size of SIZES) {
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(`<html><body style="margin:0;background:transparent">${iconSvg(size)}</body></html>`);
      await page.locator('svg').screenshot({ path: resolve(OUT, `${size}.png`), omitBackground: true });
      await page.close();
      console.log(`public/icon/${size}.png`);
    }
  } finally {
    await browser.close();
  }
}

await main();
