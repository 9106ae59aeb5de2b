import type { CSSProperties } from 'react';

/** The colours and shapes every Rapport widget reads, as CSS custom properties named `--rapport-<token>`. */
export interface RapportTokens {
  /** Widget background. */
  bg: string;
  /** Raised surfaces: cards, headers, selected rows. */
  surface: string;
  /** Body text. */
  fg: string;
  /** Secondary text (timestamps, captions). Meets 4.5:1 contrast on `bg` and `surface`. */
  muted: string;
  border: string;
  /** Links, focus rings, the active row. */
  accent: string;
  /** Text on `accent` and on band colours. */
  onAccent: string;
  critical: string;
  high: string;
  normal: string;
  low: string;
  /** On track, met, healthy. */
  ok: string;
  /** Close to a limit. */
  warning: string;
  /** Breached, off track, errors. */
  danger: string;
  /** The baseline band in charts. */
  band: string;
  radius: string;
}

/** The light theme (the default when no theme is set). */
export const lightTheme: RapportTokens = {
  bg: '#ffffff',
  surface: '#f4f6f8',
  fg: '#1b1f24',
  muted: '#4f5863',
  border: '#c9d1d9',
  accent: '#0b57d0',
  onAccent: '#ffffff',
  critical: '#b3261e',
  high: '#8a4b00',
  normal: '#1d4f91',
  low: '#4a5560',
  ok: '#146c2e',
  warning: '#7a5200',
  danger: '#b3261e',
  band: 'rgba(11, 87, 208, 0.14)',
  radius: '6px',
};

/** The dark theme. */
export const darkTheme: RapportTokens = {
  bg: '#15181c',
  surface: '#1f242a',
  fg: '#e8eaed',
  muted: '#aab2bd',
  border: '#3b434d',
  accent: '#8ab4f8',
  onAccent: '#0b1a33',
  critical: '#ffb4ab',
  high: '#ffb870',
  normal: '#a8c7fa',
  low: '#c4c9d0',
  ok: '#7dd99a',
  warning: '#ffd37a',
  danger: '#ffb4ab',
  band: 'rgba(138, 180, 248, 0.18)',
  radius: '6px',
};

/** A named theme, or your own tokens (missing ones fall back to the light theme). */
export type RapportTheme = 'light' | 'dark' | Partial<RapportTokens>;

/**
 * The inline style that sets a theme's CSS variables on an element; its children inherit them.
 *
 * @example
 * ```tsx
 * <div style={themeVariables('dark')}>…</div>
 * ```
 */
export function themeVariables(theme: RapportTheme): CSSProperties {
  const tokens: Partial<RapportTokens> =
    theme === 'dark' ? darkTheme : theme === 'light' ? lightTheme : theme;
  const style: Record<string, string> = {};
  for (const [key, value] of Object.entries(tokens)) {
    if (typeof value === 'string') style[`--rapport-${kebab(key)}`] = value;
  }
  if (theme === 'dark' || theme === 'light') style.colorScheme = theme;
  return style as CSSProperties;
}

function kebab(key: string): string {
  return key.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);
}

/**
 * A CSS `var()` reference to a token with the light theme as fallback, so widgets look right without a provider.
 *
 * @example
 * ```ts
 * const style = { color: token('muted') }; // 'var(--rapport-muted, #4f5863)'
 * ```
 */
export function token(name: keyof RapportTokens): string {
  return `var(--rapport-${kebab(name)}, ${lightTheme[name]})`;
}
