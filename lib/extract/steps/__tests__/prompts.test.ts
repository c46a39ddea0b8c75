import { describe, expect, it } from 'vitest';
import { prompts } from '../prompts';
import { runStep } from './run-step';

const URL = 'https://kabarkampung.example/daerah/2024/08/jembatan-gantung';
/** A short news item (under the prompt's 600-character limit), as brief regional news often is. */
const BRIEF = `<h1>Jembatan gantung Desa Sukamaju dibuka kembali</h1>
<p>Jembatan gantung yang menghubungkan dua dusun di Desa Sukamaju kembali dibuka pada Sabtu pagi setelah tiga bulan diperbaiki.</p>
<p>Warga kini tidak perlu memutar sejauh tujuh kilometer untuk mencapai sekolah dan pasar.</p>`;
const SIGNUP = `<div class="box"><h3>Kabar pagi</h3>
<p>Ringkasan berita daerah setiap pagi.</p>
<form action="/langganan"><input type="email" name="email" placeholder="alamat@surel"><button type="submit">Daftar</button></form></div>`;

describe('prompts', () => {
  it('removes a sign-up box inside a short <article>, and keeps the story around it', () => {
    const run = runStep(prompts, `<article>${BRIEF}${SIGNUP}</article>`, URL);
    expect(run.removed).toEqual(['Kabar pagi Ringkasan berita daerah setiap pagi. Daftar']);
    expect(run.root.querySelector('article h1')?.textContent).toBe('Jembatan gantung Desa Sukamaju dibuka kembali');
    expect(run.text).toContain('tidak perlu memutar sejauh tujuh kilometer');
  });

  it('does not take a short story whose own container is named like a prompt', () => {
    const run = runStep(prompts, `<article class="newsletter-edition">${BRIEF}<p><a href="/arsip">Arsip</a></p></article>`, URL);
    expect(run.removed).toEqual([]);
    expect(run.text).toContain('Jembatan gantung yang menghubungkan dua dusun');
  });

  it('still takes a form box outside the story whole', () => {
    const run = runStep(prompts, `<main>${BRIEF}</main><aside>${SIGNUP}</aside>`, URL);
    expect(run.removed).toEqual(['Kabar pagi Ringkasan berita daerah setiap pagi. Daftar']);
    expect(run.root.querySelector('aside')).toBeNull();
  });
});
