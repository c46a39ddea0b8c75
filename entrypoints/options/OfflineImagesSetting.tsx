/**
 * "Keep pictures for offline reading" on the settings page. Off by default. Turning it on asks the
 * browser for the host permission the downloads need, at that moment and with the reason written next
 * to it; refused, the box turns itself back off and says so. Turning it off gives the permission back.
 * The setting itself lives in the library (`offlineImages`), beside the pictures it keeps.
 */
import { useEffect, useState } from 'preact/hooks';
import { MAX_IMAGE_BYTES, type Library } from '@/lib/library';
import { t } from '@/utils/i18n';
import {
  offlineImagesEnabled,
  releaseOfflineImagesPermission,
  requestOfflineImagesPermission,
} from '@/utils/offline-images';

export interface OfflineImagesSettingProps {
  library: Promise<Library>;
}

type Status = 'idle' | 'on' | 'refused' | 'failed';

export function OfflineImagesSetting({ library }: OfflineImagesSettingProps) {
  // null until the library answers: the box is not offered before its state is known.
  const [on, setOn] = useState<boolean | null>(null);
  const [busy, setBusy] = useState(false);
  const [status, setStatus] = useState<Status>('idle');

  useEffect(() => {
    let current = true;
    library
      .then(async (l) => {
        const enabled = await offlineImagesEnabled(l);
        // Turned on, but the permission was removed in the browser's settings since: it is off.
        if (!enabled && (await l.offlineImages())) await l.setOfflineImages(false);
        if (current) setOn(enabled);
      })
      .catch(() => current && setStatus('failed'));
    return () => {
      current = false;
    };
  }, [library]);

  const change = (wanted: boolean) => {
    // The request goes out inside the click, before any await: browsers prompt only within the gesture.
    const granted = wanted ? requestOfflineImagesPermission() : Promise.resolve(false);
    // Shown as asked while the browser's prompt is open; corrected below if refused.
    setOn(wanted);
    setBusy(true);
    void (async () => {
      try {
        const l = await library;
        if (wanted && !(await granted)) {
          await l.setOfflineImages(false);
          setOn(false);
          setStatus('refused');
          return;
        }
        await l.setOfflineImages(wanted);
        if (!wanted) await releaseOfflineImagesPermission();
        setOn(wanted);
        setStatus(wanted ? 'on' : 'idle');
      } catch {
        setStatus('failed');
      } finally {
        setBusy(false);
      }
    })();
  };

  const message =
    status === 'on'
      ? t('offlineImagesOn')
      : status === 'refused'
        ? t('offlineImagesRefused')
        : status === 'failed'
          ? t('offlineImagesFailed')
          : '';
  return (
    <section class="options-section" aria-labelledby="offline-images-title" data-testid="offline-images">
      <h2 id="offline-images-title" class="options-subtitle">
        {t('offlineImagesTitle')}
      </h2>
      <label class="options-check">
        <input
          type="checkbox"
          data-testid="offline-images-toggle"
          data-state={on === null ? 'loading' : on ? 'on' : 'off'}
          checked={on === true}
          disabled={on === null || busy}
          aria-describedby="offline-images-why"
          onChange={(event) => change(event.currentTarget.checked)}
        />
        <span>{t('offlineImagesLabel')}</span>
      </label>
      <p id="offline-images-why" class="options-why">
        {t('offlineImagesWhy', MAX_IMAGE_BYTES / (1024 * 1024))}
      </p>
      <p
        class={status === 'refused' || status === 'failed' ? 'options-status is-error' : 'options-status'}
        role="status"
        data-testid="offline-images-status"
      >
        {message}
      </p>
    </section>
  );
}
