import { Fragment, type CSSProperties, type ReactNode } from 'react';
import { themeVariables, token, type RapportTheme } from '../theme/tokens';
import { displayText } from './safe';

/** The style of a widget's root: base look, its own theme variables when a `theme` prop is given, then `style`. */
export function rootStyle(
  theme: RapportTheme | undefined,
  style: CSSProperties | undefined,
  base?: CSSProperties,
): CSSProperties {
  return {
    font: 'inherit',
    color: token('fg'),
    background: token('bg'),
    ...(theme !== undefined && themeVariables(theme)),
    ...base,
    ...style,
  };
}

/** Props every widget shares. */
export interface WidgetBaseProps {
  /** Class name on the widget's root element. */
  className?: string;
  /** Inline style on the root, applied last. */
  style?: CSSProperties;
  /** Sets the theme's CSS variables on this widget's root (otherwise inherited from `RapportProvider`). */
  theme?: RapportTheme;
  /** BCP 47 locale for this widget (otherwise the provider's, otherwise the runtime's). */
  locale?: string;
}

/**
 * A widget's frame: a region named after its visible heading, in the widget's theme. Widgets whose heading is
 * the customer's own text (a member, an experiment) frame themselves, to render that text safely.
 */
export function Panel({
  title,
  theme,
  className,
  style,
  children,
}: {
  title: string;
  children: ReactNode;
} & Pick<WidgetBaseProps, 'theme' | 'className' | 'style'>) {
  return (
    <section
      aria-label={title}
      className={className}
      style={rootStyle(theme, style, { padding: '0.75em', borderRadius: token('radius') })}
    >
      <h3 style={{ margin: '0 0 0.5em', font: 'inherit', fontWeight: 600 }}>{title}</h3>
      {children}
    </section>
  );
}

/** Loading, empty and error states, announced to screen readers. */
export function StateMessage({
  kind,
  children,
}: {
  kind: 'loading' | 'empty' | 'error';
  children: ReactNode;
}) {
  return (
    <div
      role={kind === 'error' ? 'alert' : 'status'}
      aria-busy={kind === 'loading' || undefined}
      data-state={kind}
      style={{
        padding: '1em',
        color: kind === 'error' ? token('danger') : token('muted'),
        textAlign: 'center',
      }}
    >
      {children}
    </div>
  );
}

/** The message for an `error` prop: a string, an Error's message, or the fallback label. */
export function errorText(error: unknown, fallback: string): string {
  if (typeof error === 'string' && error) return error;
  if (error instanceof Error && error.message) return error.message;
  return fallback;
}

/** Hidden from sight but read by screen readers. */
export const visuallyHidden: CSSProperties = {
  position: 'absolute',
  width: 1,
  height: 1,
  padding: 0,
  margin: -1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
  border: 0,
};

/** User-written text: rendered as text, direction isolated so RTL text cannot flip the layout around it. */
export function UserText({
  text,
  max,
  style,
}: {
  text: string;
  max?: number;
  style?: CSSProperties;
}) {
  return (
    <bdi dir="auto" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere', ...style }}>
      {displayText(text, max)}
    </bdi>
  );
}

/**
 * Fills a label template's `{name}` placeholders with nodes, for visible text that holds user data: pass user
 * text as `<UserText>` so it stays isolated from the label around it. (`fill` is for attributes and plain text.)
 *
 * @example
 * ```tsx
 * <h2>{fillNodes('Conversation with {author}', { author: <UserText text={handle} /> })}</h2>
 * ```
 */
export function fillNodes(template: string, values: Record<string, ReactNode>): ReactNode {
  // split() with a capturing group keeps the placeholders at the odd indexes.
  return template.split(/\{(\w+)\}/).map((part, i) => {
    if (i % 2 === 0) return part === '' ? null : <Fragment key={i}>{part}</Fragment>;
    return <Fragment key={i}>{Object.hasOwn(values, part) ? values[part] : `{${part}}`}</Fragment>;
  });
}

/** A plain button in the theme's colours. */
export const buttonStyle: CSSProperties = {
  font: 'inherit',
  color: token('fg'),
  background: token('surface'),
  border: `1px solid ${token('border')}`,
  borderRadius: token('radius'),
  padding: '0.2em 0.7em',
  cursor: 'pointer',
};

/** A button that looks like the text around it: column headers that sort, toggles. */
export const bareButtonStyle: CSSProperties = {
  font: 'inherit',
  color: token('fg'),
  background: 'none',
  border: 0,
  padding: 0,
  cursor: 'pointer',
};

/** A button that looks like a link: a name that opens a member or a KPI. */
export const linkButtonStyle: CSSProperties = {
  ...bareButtonStyle,
  color: token('accent'),
  textAlign: 'start',
};

/**
 * A part of a widget named by its own heading: a group, not a region, because a page with several cards,
 * profiles or conversations must not repeat a landmark.
 */
export function NamedGroup({
  id,
  heading,
  level = 3,
  margin = '0 0 0.3em',
  children,
}: {
  /** The heading's id (from `useId`), which names the group. */
  id: string;
  heading: ReactNode;
  level?: 2 | 3 | 4;
  /** The heading's margin. */
  margin?: string;
  children: ReactNode;
}) {
  const H = `h${level}` as 'h3';
  return (
    <div role="group" aria-labelledby={id}>
      <H id={id} style={{ margin, font: 'inherit', fontWeight: 600 }}>
        {heading}
      </H>
      {children}
    </div>
  );
}
