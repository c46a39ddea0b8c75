import { describe, expect, it } from 'vitest';
import { promoLines } from '../promo-lines';
import { runStep } from './run-step';

const URL = 'https://wartapesisir.example/kota/2024/06/pasar-ikan';
const STORY = `<p>Pengelola pasar ikan Muara Baru memajukan jam buka lelang menjadi pukul tiga dini hari mulai Senin depan, agar ikan segar langsung dijual.</p>
<blockquote><p>“Kami sudah lama meminta ini,” kata seorang nelayan yang biasa berlabuh malam hari di dermaga timur.</p></blockquote>
<p>Para pedagang eceran menyambut baik jadwal baru ini karena mereka bisa membawa dagangan ke pasar kota sebelum jam sibuk pagi.</p>`;

describe('promo-lines', () => {
  it('removes a pitch in italics after the story that links to a newsletter sign-up', () => {
    const run = runStep(promoLines, `${STORY}<p><em>Dapatkan kabar terbaru di kotak masuk Anda. </em><a href="/newsletter/langganan"><em>Berlangganan</em></a></p>`, URL);
    expect(run.removed).toEqual(['Dapatkan kabar terbaru di kotak masuk Anda. Berlangganan']);
    expect(run.root.querySelector('blockquote')).not.toBeNull();
  });

  it('removes a pitch that is wholly a link to a promotion, above the story', () => {
    const run = runStep(promoLines, `<p><a href="https://wartapesisir.example/promos/premium">Akses Warta Premium hanya Rp9.000 sebulan untuk tahun pertama.</a></p>${STORY}`, URL);
    expect(run.removed).toHaveLength(1);
  });

  it('keeps an italic line that cites a source, and a plain closing paragraph that links to a sign-up page', () => {
    const source = `${STORY}<p><em>Data harga lelang harian dapat dilihat di <a href="https://statistik.kelautan.example/harga">portal statistik</a>.</em></p>`;
    expect(runStep(promoLines, source, URL).removed).toEqual([]);
    const plain = `${STORY}<p>Nelayan yang ingin ikut lelang pagi dapat <a href="https://pasar.example/signup">mendaftar di kantor pengelola</a> paling lambat Jumat.</p>`;
    expect(runStep(promoLines, plain, URL).removed).toEqual([]);
  });

  it('keeps a pitch-like line in the middle of the story (a story about a newsletter)', () => {
    const mid = `${STORY}<p><strong>Buletin itu dikirim ke <a href="https://koperasi.example/newsletter">empat ribu anggota koperasi</a>.</strong></p>${STORY}`;
    expect(runStep(promoLines, mid, URL).removed).toEqual([]);
  });
});
