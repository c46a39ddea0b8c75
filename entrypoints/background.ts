import { installE2eOpenHook } from '@/utils/e2e-open-hook';

export default defineBackground(() => {
  // Browser tests only: a build-time constant, so production bundles leave the hook out.
  if (import.meta.env.MODE === 'e2e') installE2eOpenHook();
  // Wiring only: context menus, commands and saving arrive with the library.
});
