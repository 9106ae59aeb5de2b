import { createContext, useContext, useMemo, useSyncExternalStore, type ReactNode } from 'react';
import { getDefaultClock, type Clock } from '../clock/clock';
import { createFormatter, toEpoch, type Formatter } from '../internal/format';
import { themeVariables, type RapportTheme } from './tokens';

interface RapportContextValue {
  locale: string | undefined;
  timeZone: string | undefined;
  theme: RapportTheme | undefined;
  clock: Clock | undefined;
}

const RapportContext = createContext<RapportContextValue>({
  locale: undefined,
  timeZone: undefined,
  theme: undefined,
  clock: undefined,
});

export interface RapportProviderProps {
  /** BCP 47 locale for numbers, dates and relative times (default: the runtime's). */
  locale?: string;
  /**
   * IANA time zone dates and times are shown in, e.g. `Europe/London` (default: the runtime's). Set it when pages
   * are rendered on a server: a server in UTC and a browser in New York would otherwise write different dates, and
   * React throws the server's HTML away when they do not match.
   */
  timeZone?: string;
  /** `light`, `dark` or your own tokens; set as CSS variables on a wrapper with `display: contents`. */
  theme?: RapportTheme;
  /** The clock every live timer below reads (default: one shared clock ticking each second). */
  clock?: Clock;
  children?: ReactNode;
}

/**
 * Gives every Rapport widget below it a locale, a theme and one shared ticking clock.
 *
 * No global CSS is added: the theme's CSS variables are set on a `display: contents` wrapper, fonts are inherited.
 *
 * @example
 * ```tsx
 * <RapportProvider locale="de-DE" theme="dark">
 *   <TriageQueue rows={rows} />
 * </RapportProvider>
 * ```
 */
export function RapportProvider({
  locale,
  timeZone,
  theme,
  clock,
  children,
}: RapportProviderProps) {
  const value = useMemo(() => {
    if (timeZone !== undefined) {
      try {
        new Intl.DateTimeFormat('en', { timeZone });
      } catch {
        throw new RangeError(
          `RapportProvider: unknown time zone ${JSON.stringify(timeZone)}; use an IANA name such as "Europe/London".`,
        );
      }
    }
    return { locale, timeZone, theme, clock };
  }, [locale, timeZone, theme, clock]);
  return (
    <RapportContext.Provider value={value}>
      {theme === undefined ? (
        children
      ) : (
        <div data-rapport-theme="" style={{ display: 'contents', ...themeVariables(theme) }}>
          {children}
        </div>
      )}
    </RapportContext.Provider>
  );
}

/** The locale, time zone, theme and clock from the nearest `RapportProvider` (all undefined without one). */
export function useRapportContext(): RapportContextValue {
  return useContext(RapportContext);
}

/**
 * The formatter for a widget: its own `locale` prop wins over the provider's; dates are shown in the provider's
 * time zone.
 *
 * @example
 * ```tsx
 * const fmt = useFormatter(locale);
 * fmt.number(1234);
 * ```
 */
export function useFormatter(locale?: string): Formatter {
  const ctx = useContext(RapportContext);
  const resolved = locale ?? ctx.locale;
  const timeZone = ctx.timeZone;
  return useMemo(() => createFormatter(resolved, timeZone), [resolved, timeZone]);
}

const noSubscribe = () => () => {};

/**
 * The current time in epoch ms, re-rendering only the calling component on each tick of the shared clock.
 * When `now` is given (controlled use, tests, server rendering of a fixed moment) it is returned as is and
 * nothing ticks.
 *
 * @example
 * ```tsx
 * const now = useNow(props.now);
 * ```
 */
export function useNow(now?: string | number | Date): number {
  const ctx = useContext(RapportContext);
  const clock = ctx.clock ?? getDefaultClock();
  const controlled = now !== undefined;
  const ticking = useSyncExternalStore(
    controlled ? noSubscribe : clock.subscribe,
    clock.getSnapshot,
    clock.getSnapshot,
  );
  return controlled ? toEpoch(now) : ticking;
}
