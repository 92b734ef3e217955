/**
 * Colours as data, in one place, so NO_COLOR (https://no-color.org) turns every one of them off:
 * with no colour, meaning is still carried by symbols (✓ ✗ ›) and bold/inverse text.
 */
import React, {createContext, useContext} from 'react';

export interface Theme {
  accent: string | undefined;
  success: string | undefined;
  warning: string | undefined;
  danger: string | undefined;
  sandbox: string | undefined;
}

const COLOURS: Theme = {accent: 'cyan', success: 'green', warning: 'yellow', danger: 'red', sandbox: 'magenta'};
const PLAIN: Theme = {accent: undefined, success: undefined, warning: undefined, danger: undefined, sandbox: undefined};

/** NO_COLOR set to any non-empty value disables colour. */
export function themeFor(env: Readonly<Record<string, string | undefined>>): Theme {
  const noColor = env['NO_COLOR'];
  return noColor !== undefined && noColor !== '' ? PLAIN : COLOURS;
}

const ThemeContext = createContext<Theme>(COLOURS);

export function ThemeProvider(props: {theme: Theme; children: React.ReactNode}): React.JSX.Element {
  return <ThemeContext.Provider value={props.theme}>{props.children}</ThemeContext.Provider>;
}

export function useTheme(): Theme {
  return useContext(ThemeContext);
}
