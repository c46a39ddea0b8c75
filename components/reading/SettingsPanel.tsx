import { t } from '@/utils/i18n';
import {
  ALIGNS,
  FONT_SIZE,
  FONTS,
  LINE_HEIGHT,
  THEMES,
  WIDTH,
  type ReaderSettings,
  type SaveResult,
} from '@/utils/settings';
import type { MessageKey } from '@/utils/i18n';

export interface SettingsPanelProps {
  settings: ReaderSettings;
  update: (change: Partial<ReaderSettings>) => void;
  saved: SaveResult | null;
  id: string;
}

const THEME_LABEL: Record<ReaderSettings['theme'], MessageKey> = {
  auto: 'themeAuto',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  contrast: 'themeContrast',
};
const FONT_LABEL: Record<ReaderSettings['font'], MessageKey> = {
  serif: 'fontSerif',
  sans: 'fontSans',
  mono: 'fontMono',
  legible: 'fontLegible',
};
const ALIGN_LABEL: Record<ReaderSettings['align'], MessageKey> = { start: 'alignStart', justify: 'alignJustify' };

/** Theme, font, size, line height, width and alignment: every change shows at once. */
export function SettingsPanel({ settings, update, saved, id }: SettingsPanelProps) {
  const nf = new Intl.NumberFormat(t('lang'), { maximumFractionDigits: 1 });
  return (
    <section class="reading-panel settings-panel" id={id} aria-label={t('settingsTitle')} data-testid="settings-panel">
      <fieldset class="choice-group theme-choices">
        <legend>{t('settingTheme')}</legend>
        {THEMES.map((theme) => (
          <label key={theme} class="theme-choice" data-theme-swatch={theme}>
            <input
              type="radio"
              name="reader-theme"
              value={theme}
              checked={settings.theme === theme}
              onChange={() => update({ theme })}
              data-testid={`theme-${theme}`}
            />
            <span class="swatch" aria-hidden="true">
              Aa
            </span>
            <span class="choice-label">{t(THEME_LABEL[theme])}</span>
          </label>
        ))}
      </fieldset>
      <fieldset class="choice-group font-choices">
        <legend>{t('settingFont')}</legend>
        {FONTS.map((font) => (
          <label key={font} class="font-choice" data-font-sample={font}>
            <input
              type="radio"
              name="reader-font"
              value={font}
              checked={settings.font === font}
              onChange={() => update({ font })}
              data-testid={`font-${font}`}
            />
            <span class="choice-label">{t(FONT_LABEL[font])}</span>
          </label>
        ))}
      </fieldset>
      <div class="slider-row">
        <label for={`${id}-size`}>{t('settingSize')}</label>
        <input
          id={`${id}-size`}
          type="range"
          min={FONT_SIZE.min}
          max={FONT_SIZE.max}
          step={FONT_SIZE.step}
          value={settings.fontSize}
          aria-valuetext={t('pixels', nf.format(settings.fontSize))}
          onInput={(e) => update({ fontSize: Number(e.currentTarget.value) })}
          data-testid="font-size"
        />
        <output for={`${id}-size`}>{nf.format(settings.fontSize)}</output>
      </div>
      <div class="slider-row">
        <label for={`${id}-leading`}>{t('settingLineHeight')}</label>
        <input
          id={`${id}-leading`}
          type="range"
          min={LINE_HEIGHT.min}
          max={LINE_HEIGHT.max}
          step={LINE_HEIGHT.step}
          value={settings.lineHeight}
          onInput={(e) => update({ lineHeight: Number(e.currentTarget.value) })}
          data-testid="line-height"
        />
        <output for={`${id}-leading`}>{nf.format(settings.lineHeight)}</output>
      </div>
      <div class="slider-row">
        <label for={`${id}-width`}>{t('settingWidth')}</label>
        <input
          id={`${id}-width`}
          type="range"
          min={WIDTH.min}
          max={WIDTH.max}
          step={WIDTH.step}
          value={settings.width}
          aria-valuetext={t('characters', nf.format(settings.width))}
          onInput={(e) => update({ width: Number(e.currentTarget.value) })}
          data-testid="content-width"
        />
        <output for={`${id}-width`}>{nf.format(settings.width)}</output>
      </div>
      <fieldset class="choice-group align-choices">
        <legend>{t('settingAlign')}</legend>
        {ALIGNS.map((align) => (
          <label key={align} class="align-choice">
            <input
              type="radio"
              name="reader-align"
              value={align}
              checked={settings.align === align}
              onChange={() => update({ align })}
              data-testid={`align-${align}`}
            />
            <span class="choice-label">{t(ALIGN_LABEL[align])}</span>
          </label>
        ))}
      </fieldset>
      {saved?.area === 'local' && (
        <p class="settings-note" role="status" data-testid="settings-local">
          {t('settingsLocalOnly')}
        </p>
      )}
    </section>
  );
}
