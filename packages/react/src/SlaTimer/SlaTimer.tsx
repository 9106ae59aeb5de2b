import { memo } from 'react';
import { useFormatter, useNow } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { fill, toEpoch } from '../internal/format';
import { rootStyle, type WidgetBaseProps } from '../internal/ui';

/** Where a response-time target stands (the same words as the core's `SlaState.status`). */
export type SlaTimerStatus = 'pending' | 'warning' | 'breached' | 'met' | 'paused';

export interface SlaTimerLabels {
  /** Visible while time is left; `{time}` is the remaining time. */
  left: string;
  /** Visible after the deadline; `{time}` is how late. */
  overdue: string;
  met: string;
  /** `{time}` is the time left when the clock was paused. */
  paused: string;
  /** Paused, time left unknown. */
  pausedPlain: string;
  /** Shown when `dueAt` is missing or unreadable. */
  none: string;
  /** Accessible name; `{target}` and `{state}` are replaced. */
  aria: string;
  /** Default target name. */
  target: string;
}

export const defaultSlaTimerLabels: SlaTimerLabels = {
  left: '{time} left',
  overdue: '{time} overdue',
  met: 'Met',
  paused: 'Paused, {time} left',
  pausedPlain: 'Paused',
  none: 'No target',
  aria: '{target}: {state}',
  target: 'Response due',
};

export interface SlaTimerProps extends WidgetBaseProps {
  /** When the target is due: ISO 8601 or epoch ms. */
  dueAt?: string | number;
  /** The status from the core's SLA state; when omitted it is derived from the time left. */
  status?: SlaTimerStatus;
  /** Time left when paused, in ms (a paused clock does not run down). */
  remainingMs?: number;
  /** Fixed "now" (ISO 8601 or epoch ms) for controlled use; when omitted the shared clock ticks each second. */
  now?: string | number;
  /** Below this many ms left a pending timer shows as a warning (default 15 minutes). */
  warningMs?: number;
  /** The target's name, e.g. "First response". */
  target?: string;
  labels?: Partial<SlaTimerLabels>;
}

const COLORS: Record<SlaTimerStatus, string> = {
  pending: token('fg'),
  warning: token('warning'),
  breached: token('danger'),
  met: token('ok'),
  paused: token('muted'),
};

/**
 * A live countdown to a response-time target (`role="timer"`).
 *
 * Every timer reads one shared clock, so a queue of thousands re-renders only its timers each second, never the
 * table. Pass `now` to freeze it (tests, screenshots, server rendering).
 *
 * @example
 * ```tsx
 * <SlaTimer dueAt={sla.dueAt} status={sla.status} target="First response" />
 * ```
 */
export const SlaTimer = memo(function SlaTimer({
  dueAt,
  status,
  remainingMs,
  now,
  warningMs = 15 * 60_000,
  target,
  labels,
  locale,
  theme,
  className,
  style,
}: SlaTimerProps) {
  const frozen = status === 'met' || status === 'paused';
  // A frozen timer needs no ticks: pass a constant so it does not subscribe to the clock.
  const current = useNow(frozen ? 0 : now);
  const fmt = useFormatter(locale);
  const l = { ...defaultSlaTimerLabels, ...labels };
  const due = toEpoch(dueAt);
  let shown: SlaTimerStatus;
  let text: string;
  if (status === 'met') {
    shown = 'met';
    text = l.met;
  } else if (status === 'paused') {
    shown = 'paused';
    text =
      remainingMs === undefined
        ? l.pausedPlain
        : fill(l.paused, { time: fmt.duration(remainingMs) });
  } else if (!Number.isFinite(due)) {
    shown = status ?? 'pending';
    text = l.none;
  } else {
    const left = due - current;
    shown = left < 0 ? 'breached' : (status ?? (left <= warningMs ? 'warning' : 'pending'));
    if (left < 0 && status !== undefined && status !== 'breached') shown = 'breached';
    text = fill(left < 0 ? l.overdue : l.left, { time: fmt.duration(left) });
  }
  return (
    <span
      role="timer"
      // The server rendered its own "now": the client's first tick corrects the text without a hydration error.
      suppressHydrationWarning
      aria-label={fill(l.aria, { target: target ?? l.target, state: text })}
      data-status={shown}
      className={className}
      style={rootStyle(theme, style, {
        background: 'transparent',
        color: COLORS[shown],
        fontVariantNumeric: 'tabular-nums',
        fontWeight: shown === 'breached' ? 600 : undefined,
        whiteSpace: 'nowrap',
      })}
    >
      {text}
    </span>
  );
});
