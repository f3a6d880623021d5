import { useId } from 'react';
import { themeLabels, themes, type Theme } from './reader-settings';

/**
 * Native radio buttons, kept visible: arrow keys move between them, the checked one is shown by
 * the browser in every theme, and the swatch above each is a bigger target for a finger.
 */
export function ThemePicker({
  value,
  onChange,
}: {
  value: Theme;
  onChange: (theme: Theme) => void;
}) {
  const name = useId();
  return (
    <fieldset className="theme-picker">
      <legend className="reader-settings__heading">Theme</legend>
      <div className="theme-picker__options">
        {themes.map((theme) => (
          <label key={theme} className={`theme-option theme-option--${theme}`}>
            <span className="theme-option__swatch" aria-hidden="true">
              <span>A</span>
              <span>a</span>
            </span>
            <span className="theme-option__name">
              <input
                type="radio"
                name={name}
                value={theme}
                checked={value === theme}
                onChange={() => onChange(theme)}
              />
              {themeLabels[theme]}
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
