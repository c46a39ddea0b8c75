/**
 * The extension's line icons: the one drawing frame (`Icon`: 24-unit grid, stroke follows the text
 * colour, decorative, so hidden from screen readers) and the icons the popup shows at start.
 * The library's and the reading tools' icons draw in this frame from their own modules
 * (components/library/library-icons.tsx, components/reading/reading-icons.tsx), so they load with
 * the chunks that use them: all in this module, they came to 2.1 KB more in the popup's start.
 */
import type { ComponentChildren } from 'preact';

/** The frame every icon is drawn in; `filled` paints the shape too (a set bookmark or favourite). */
export function Icon({ children, filled = false }: { children: ComponentChildren; filled?: boolean }) {
  return (
    <svg
      class="icon"
      viewBox="0 0 24 24"
      width="24"
      height="24"
      aria-hidden="true"
      focusable="false"
      fill={filled ? 'currentColor' : 'none'}
      stroke="currentColor"
      stroke-width="1.75"
      stroke-linecap="round"
      stroke-linejoin="round"
    >
      {children}
    </svg>
  );
}

export const LockIcon = () => (
  <Icon>
    <rect x="5" y="11" width="14" height="10" rx="2" />
    <path d="M8 11V7a4 4 0 0 1 8 0v4" />
  </Icon>
);

export const PageQuestionIcon = () => (
  <Icon>
    <path d="M14 3H7a2 2 0 0 0-2 2v14a2 2 0 0 0 2 2h10a2 2 0 0 0 2-2V8z" />
    <path d="M14 3v5h5" />
    <path d="M10.2 12.2a1.9 1.9 0 1 1 2.6 1.8c-.5.2-.8.6-.8 1.1v.4" />
    <path d="M12 18h.01" />
  </Icon>
);

export const AlertIcon = () => (
  <Icon>
    <circle cx="12" cy="12" r="9" />
    <path d="M12 7.5v5" />
    <path d="M12 16.5h.01" />
  </Icon>
);

export const OpenInTabIcon = () => (
  <Icon>
    <path d="M14 4h6v6" />
    <path d="M20 4l-8 8" />
    <path d="M18 14v4a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4" />
  </Icon>
);

export const SelectionIcon = () => (
  <Icon>
    <path d="M4 6h10" />
    <path d="M4 10h16" />
    <path d="M4 14h16" />
    <path d="M4 18h9" />
    <path d="M3 4v16" stroke-dasharray="2 2.5" />
  </Icon>
);

export const SidePanelIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="16" rx="2" />
    <path d="M14 4v16" />
    <path d="M16.5 9h2M16.5 12h2M16.5 15h2" />
  </Icon>
);

export const ArticleIcon = () => (
  <Icon>
    <path d="M5 4h14v16H5z" />
    <path d="M8.5 8h7" />
    <path d="M8.5 12h7" />
    <path d="M8.5 16h4" />
  </Icon>
);

/** The extension's mark: an open page with clean lines (the same drawing as public/icon). */
export const BrandMark = () => (
  <svg class="brand-mark" viewBox="0 0 32 32" width="22" height="22" aria-hidden="true" focusable="false">
    <rect x="2" y="2" width="28" height="28" rx="7" fill="var(--accent)" />
    <path d="M9 10.5h14M9 15.5h14M9 20.5h9" stroke="var(--accent-ink)" stroke-width="2.4" stroke-linecap="round" />
  </svg>
);
