/** The reading tools' icons, drawn in the one icon frame (components/icons.tsx). */
import { Icon } from '../icons';

export const TypeIcon = () => (
  <Icon>
    <path d="M3 18l5-12 5 12" />
    <path d="M4.8 14h6.4" />
    <path d="M15 12.5a2.6 2.6 0 0 1 5 .9V18" />
    <path d="M20 15.2c-3.6-.4-5.6.5-5.6 1.8 0 1 .9 1.5 2 1.5 1.9 0 3.6-1.3 3.6-3.3" />
  </Icon>
);

export const ContentsIcon = () => (
  <Icon>
    <path d="M9 6h11" />
    <path d="M9 12h11" />
    <path d="M9 18h11" />
    <path d="M4 6h.01" />
    <path d="M4 12h.01" />
    <path d="M4 18h.01" />
  </Icon>
);

export const HeadphonesIcon = () => (
  <Icon>
    <path d="M4 15v-3a8 8 0 0 1 16 0v3" />
    <rect x="3" y="14" width="4" height="6" rx="1.5" />
    <rect x="17" y="14" width="4" height="6" rx="1.5" />
  </Icon>
);

export const KeyboardIcon = () => (
  <Icon>
    <rect x="2.5" y="6" width="19" height="12" rx="2" />
    <path d="M6 10h.01M10 10h.01M14 10h.01M18 10h.01M8 14h8" />
  </Icon>
);

export const PlayIcon = () => (
  <Icon>
    <path d="M7 5l12 7-12 7z" fill="currentColor" />
  </Icon>
);

export const PauseIcon = () => (
  <Icon>
    <path d="M8 5v14M16 5v14" stroke-width="3" />
  </Icon>
);

export const StopIcon = () => (
  <Icon>
    <rect x="6" y="6" width="12" height="12" rx="1.5" />
  </Icon>
);

export const CloseIcon = () => (
  <Icon>
    <path d="M6 6l12 12M18 6L6 18" />
  </Icon>
);
