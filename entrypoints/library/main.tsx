import { render } from 'preact';
import '@fontsource-variable/literata/wght.css';
import '../popup/style.css';
import './style.css';
import { LoadingState } from '@/components/LoadingState';
import { LibraryApp } from '@/components/library/LibraryApp';
import { LibraryErrorState } from '@/components/library/LibraryStates';
import { ImportExport } from '@/components/library/ImportExport';
import { loadAllForExport } from '@/components/library/export-records';
import { uiLocales } from '@/components/library/library-format';
import { getLibrary } from '@/utils/library';
import { followSettings } from '@/utils/apply-settings';
import { t } from '@/utils/i18n';

// The reading settings' theme and type apply to this whole page, and follow changes made elsewhere.
followSettings(document.documentElement);

// The library page: open the database, purge the trash of what is past 30 days, show the list.
document.documentElement.classList.add('in-tab');
// The page is in the browser's language (its catalogue says which); saved titles carry their own.
document.documentElement.lang = t('lang');
document.documentElement.dir = t('dir');
document.title = t('libraryPageTitle');
const root = document.getElementById('app')!;
render(<LoadingState label={t('libraryOpening')} />, root);
const initialQuery = new URLSearchParams(location.search).get('q') ?? '';

getLibrary()
  .then((library) => {
    void library.purgeTrash().catch(() => undefined);
    const importExport = (
      <ImportExport
        target={library.importTarget()}
        loadAll={() => loadAllForExport(library)}
        schemaVersion={library.db.verno}
      />
    );
    render(
      <LibraryApp
        library={library}
        locales={uiLocales(navigator.languages)}
        initialQuery={initialQuery}
        actions={importExport}
      />,
      root,
    );
  })
  .catch((error: unknown) => render(<LibraryErrorState error={error} onRetry={() => location.reload()} />, root));
