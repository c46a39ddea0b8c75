/**
 * The popup loads its reader, library actions and tab reader lazily (`import()` after paint). A test
 * that renders the popup or the side panel loads those chunks first, so that no import is still in
 * flight when Vitest tears the file's environment down (an unhandled EnvironmentTeardownError in CI).
 */
export function loadPopupChunks(): Promise<unknown> {
  return Promise.all([
    import('@/components/Reader'),
    import('@/components/library/PopupLibraryActions'),
    import('@/utils/read-tab'),
  ]);
}
