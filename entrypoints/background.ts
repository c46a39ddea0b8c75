import { installE2eOpenHook } from '@/utils/e2e-open-hook';
import { COMMAND_SAVE_PAGE } from '@/utils/commands';
import { getLibrary } from '@/utils/library';
import { installKeepImagesListener } from '@/utils/offline-images';
import {
  MENU_SAVE_LINK,
  MENU_SAVE_PAGE,
  registerSaveMenus,
  saveLink,
  savePage,
  showSaveOutcome,
} from '@/utils/save-for-later';

// Wiring only: the context menus and the keyboard command save through utils/save-for-later.ts.
export default defineBackground(() => {
  // Browser tests only: a build-time constant, so production bundles leave the hook out.
  if (import.meta.env.MODE === 'e2e') installE2eOpenHook();
  browser.runtime.onInstalled.addListener(() => void registerSaveMenus());
  // Offline images: a page that saved an article asks here for its pictures (utils/offline-images.ts).
  installKeepImagesListener(getLibrary);

  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === MENU_SAVE_PAGE && tab)
      void savePage(tab).then((outcome) => showSaveOutcome(tab.id, outcome));
    if (info.menuItemId === MENU_SAVE_LINK) void saveLink(info).then((outcome) => showSaveOutcome(tab?.id, outcome));
  });

  browser.commands.onCommand.addListener((command, tab) => {
    if (command !== COMMAND_SAVE_PAGE) return;
    const target = tab
      ? Promise.resolve(tab)
      : browser.tabs.query({ active: true, currentWindow: true }).then(([active]) => active);
    void target.then((t) => t && savePage(t).then((outcome) => showSaveOutcome(t.id, outcome)));
  });
});
