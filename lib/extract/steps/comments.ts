/**
 * Comment sections that Readability kept (it drops blocks named "comment", but not ones whose name
 * also says "article" or "content", such as `article-comments`). A comment thread has a shape in any
 * language: several entries, each with a time stamp or an avatar, often a reply link; so a block named
 * for comments must also have that shape, or carry schema.org's Comment type, to go.
 */
import type { CleanupStep } from '../step';
import { namesOf } from './signals';

const COMMENT_NAME = /comment|disqus|discuss|repl(?:y|ies)|respon[sd]|kommentar|komentar|commentaire|comentario/;
const THREAD_MARKS = 'time, [datetime], a[href*="replytocom"], a[href*="#comment"], a[href*="reply" i], img[width="32"], img[width="40"], img[width="48"], img[width="50"], img[width="64"], img[class*="avatar" i]';

export const comments: CleanupStep = {
  name: 'comments',
  phase: 'after',
  run(root, ctx) {
    for (const el of Array.from(root.querySelectorAll('[class], [id], [itemtype]'))) {
      if (!root.contains(el) || el === root) continue;
      const typed = /schema\.org\/(?:Comment|UserComments)/i.test(el.getAttribute('itemtype') ?? '');
      if (!typed && !COMMENT_NAME.test(namesOf(el))) continue;
      if (typed || el.querySelector('textarea') || el.querySelectorAll(THREAD_MARKS).length >= 2) ctx.remove(el, this.name);
    }
  },
};
