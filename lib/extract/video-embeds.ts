/**
 * Video players embedded in articles (YouTube, Vimeo, Dailymotion, ... iframes) and the public page of
 * the video each one plays, with a thumbnail where the player URL is enough to derive one. The reader
 * shows no iframes: `sanitize.ts` turns a recognised player into a link to its video.
 *
 * Only strict patterns are recognised (exact hosts, ids of the provider's shape), so a look-alike host
 * or a crafted id cannot smuggle a URL of its own into the link.
 */

export interface VideoLink {
  href: string;
  thumbnail: string | null;
  provider: string;
}

/** Players whose video has a public page (and, for some, a thumbnail) derivable from the player URL. */
const PROVIDERS: Array<{ name: string; match: (u: URL) => VideoLink | null }> = [
  {
    name: 'YouTube',
    match(u) {
      const host = u.hostname.replace(/^(?:www|m)\./, '');
      let id: string | null = null;
      if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
        id = u.pathname.match(/^\/(?:embed|v|shorts|live)\/([\w-]{11})/)?.[1] ?? (u.pathname === '/watch' ? u.searchParams.get('v') : null);
      } else if (host === 'youtu.be') {
        id = u.pathname.slice(1, 12);
      }
      if (!id || !/^[\w-]{11}$/.test(id)) return null;
      return { provider: 'YouTube', href: `https://www.youtube.com/watch?v=${id}`, thumbnail: `https://i.ytimg.com/vi/${id}/hqdefault.jpg` };
    },
  },
  {
    name: 'Vimeo',
    match(u) {
      const id = u.hostname === 'player.vimeo.com' ? u.pathname.match(/^\/video\/(\d+)/)?.[1] : null;
      return id ? { provider: 'Vimeo', href: `https://vimeo.com/${id}`, thumbnail: null } : null;
    },
  },
  {
    name: 'Dailymotion',
    match(u) {
      const host = u.hostname.replace(/^www\./, '');
      let id: string | null | undefined = null;
      if (host === 'dailymotion.com') id = u.pathname.match(/^\/embed\/video\/([a-zA-Z0-9]+)/)?.[1];
      else if (host === 'geo.dailymotion.com') id = u.searchParams.get('video');
      else if (host === 'dai.ly') id = u.pathname.slice(1);
      if (!id || !/^[a-zA-Z0-9]+$/.test(id)) return null;
      return { provider: 'Dailymotion', href: `https://www.dailymotion.com/video/${id}`, thumbnail: `https://www.dailymotion.com/thumbnail/video/${id}` };
    },
  },
  {
    name: 'Twitch',
    match(u) {
      if (u.hostname === 'player.twitch.tv') {
        const video = u.searchParams.get('video')?.replace(/^v/, '');
        if (video && /^\d+$/.test(video)) return { provider: 'Twitch', href: `https://www.twitch.tv/videos/${video}`, thumbnail: null };
        const channel = u.searchParams.get('channel');
        if (channel && /^\w+$/.test(channel)) return { provider: 'Twitch', href: `https://www.twitch.tv/${channel}`, thumbnail: null };
      }
      const clip = u.hostname === 'clips.twitch.tv' ? u.searchParams.get('clip') : null;
      return clip && /^[\w-]+$/.test(clip) ? { provider: 'Twitch', href: `https://clips.twitch.tv/${clip}`, thumbnail: null } : null;
    },
  },
  {
    name: 'Loom',
    match(u) {
      const id = /(?:^|\.)loom\.com$/.test(u.hostname) ? u.pathname.match(/^\/embed\/([0-9a-f]{32})/)?.[1] : null;
      return id ? { provider: 'Loom', href: `https://www.loom.com/share/${id}`, thumbnail: null } : null;
    },
  },
  {
    name: 'Streamable',
    match(u) {
      const id = u.hostname.replace(/^www\./, '') === 'streamable.com' ? u.pathname.match(/^\/[eos]\/(\w+)/)?.[1] : null;
      return id ? { provider: 'Streamable', href: `https://streamable.com/${id}`, thumbnail: null } : null;
    },
  },
  {
    name: 'TED',
    match(u) {
      const slug = u.hostname === 'embed.ted.com' ? u.pathname.match(/^\/talks\/([\w-]+)/)?.[1] : null;
      return slug ? { provider: 'TED', href: `https://www.ted.com/talks/${slug}`, thumbnail: null } : null;
    },
  },
  {
    name: 'Bilibili',
    match(u) {
      if (u.hostname !== 'player.bilibili.com') return null;
      const bvid = u.searchParams.get('bvid');
      if (bvid && /^BV\w+$/.test(bvid)) return { provider: 'Bilibili', href: `https://www.bilibili.com/video/${bvid}`, thumbnail: null };
      const aid = u.searchParams.get('aid');
      return aid && /^\d+$/.test(aid) ? { provider: 'Bilibili', href: `https://www.bilibili.com/video/av${aid}`, thumbnail: null } : null;
    },
  },
  {
    name: 'Facebook',
    match(u) {
      if (!/(?:^|\.)facebook\.com$/.test(u.hostname) || u.pathname !== '/plugins/video.php') return null;
      const href = u.searchParams.get('href');
      try {
        const target = href ? new URL(href) : null;
        return target && target.protocol === 'https:' && /(?:^|\.)facebook\.com$/.test(target.hostname)
          ? { provider: 'Facebook', href: target.href, thumbnail: null }
          : null;
      } catch {
        return null;
      }
    },
  },
];

/** The video page behind an embed player URL, if it is one we know. */
export function videoLinkFor(src: string, baseUrl?: string): VideoLink | null {
  let u: URL;
  try {
    u = baseUrl ? new URL(src.trim(), baseUrl) : new URL(src.trim());
  } catch {
    return null;
  }
  if (u.protocol !== 'https:' && u.protocol !== 'http:') return null;
  for (const p of PROVIDERS) {
    const link = p.match(u);
    if (link) return link;
  }
  return null;
}
