/** Keyboard command names, shared by the manifest (wxt.config.ts) and the background that handles them. */
export const COMMAND_SAVE_PAGE = 'save-page';
