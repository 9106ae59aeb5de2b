import type { Decorator } from '@storybook/react-vite';
import { RapportProvider } from '@rapport/react';
import type { CSSProperties, ReactNode } from 'react';

export type ThemeName = 'light' | 'dark';
export type Direction = 'ltr' | 'rtl';

export interface FrameProps {
  theme?: ThemeName;
  dir?: Direction;
  locale?: string;
  /** A caption above the frame (used by the all-states stories). */
  caption?: string;
  style?: CSSProperties;
  children?: ReactNode;
}

/**
 * A themed, directed surface: the Rapport theme's CSS variables, its background and text colour, and `dir`.
 * Stories use it so dark-theme widgets sit on a dark page (otherwise contrast checks would fail for the page,
 * not the widget).
 */
export function Frame({
  theme = 'light',
  dir = 'ltr',
  locale = 'en-US',
  caption,
  style,
  children,
}: FrameProps) {
  return (
    <RapportProvider theme={theme} locale={locale}>
      <div
        dir={dir}
        lang={dir === 'rtl' ? 'ar' : undefined}
        style={{
          background: 'var(--rapport-bg)',
          color: 'var(--rapport-fg)',
          padding: 16,
          borderRadius: 8,
          fontFamily: 'system-ui, sans-serif',
          ...style,
        }}
      >
        {caption ? (
          <p
            style={{
              margin: '0 0 8px',
              fontSize: 12,
              fontWeight: 600,
              textTransform: 'uppercase',
              letterSpacing: '0.04em',
              color: 'var(--rapport-muted)',
            }}
          >
            {caption}
          </p>
        ) : null}
        {children}
      </div>
    </RapportProvider>
  );
}

/**
 * Wraps every story in a `Frame` from the toolbar's theme and direction (stories can pin them with
 * `globals: { theme: 'dark' }` or `globals: { dir: 'rtl' }`). Stories that lay out several frames themselves
 * set `parameters.rapportFrame: false`.
 */
export const withRapport: Decorator = (Story, context) => {
  if (context.parameters.rapportFrame === false) return <Story />;
  const theme = context.globals.theme === 'dark' ? 'dark' : 'light';
  const dir = context.globals.dir === 'rtl' ? 'rtl' : 'ltr';
  return (
    <Frame theme={theme} dir={dir}>
      <Story />
    </Frame>
  );
};
