import { useFormatter } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { fill } from '../internal/format';
import type { Spike as SpikeLike } from '@rapport/core';
import {
  buttonStyle,
  errorText,
  fillNodes,
  rootStyle,
  StateMessage,
  UserText,
  type WidgetBaseProps,
} from '../internal/ui';

export interface SpikeAlertLabels {
  /** Title; `{severity}` 1..10. */
  title: Record<SpikeLike['kind'], string>;
  /** `{observed}` and `{expected}` for a volume spike. */
  volume: string;
  /** `{observed}` and `{expected}` negative shares. */
  negativeShare: string;
  /** `{start}`. */
  since: string;
  /** `{department}`. */
  department: string;
  terms: string;
  dismiss: string;
  open: string;
  loading: string;
  empty: string;
  error: string;
}

export const defaultSpikeAlertLabels: SpikeAlertLabels = {
  title: {
    volume: 'Spike in mentions, severity {severity} of 10',
    negative_share: 'Negative mentions rising, severity {severity} of 10',
  },
  volume: '{observed} mentions where about {expected} were expected',
  negativeShare: '{observed} negative where {expected} is usual',
  since: 'Since {start}',
  department: 'Who should look: {department}',
  terms: 'Words that stand out',
  dismiss: 'Dismiss',
  open: 'Show mentions',
  loading: 'Checking for spikes…',
  empty: 'No unusual activity.',
  error: 'Spike detection failed.',
};

export interface SpikeAlertProps extends WidgetBaseProps {
  /** The spike from `detectSpikes` or the streaming detector; null or absent shows the empty state. */
  spike?: SpikeLike | null;
  /** Department names by id, for `spike.department`. */
  departmentNames?: Record<string, string>;
  /** Called when the dismiss button is pressed (the button shows only with a handler). */
  onDismiss?: () => void;
  /** Called when "Show mentions" is pressed (shows only with a handler). */
  onOpen?: () => void;
  loading?: boolean;
  error?: unknown;
  labels?: Partial<Omit<SpikeAlertLabels, 'title'>> & {
    title?: Partial<SpikeAlertLabels['title']>;
  };
}

/**
 * A spike explained: severity, expected vs observed, when it started, the words that stand out and who should look.
 * Announced as an alert when it appears.
 *
 * @example
 * ```tsx
 * {spikes.map((s) => <SpikeAlert key={s.start} spike={s} onOpen={() => openSpike(s)} />)}
 * ```
 */
export function SpikeAlert({
  spike,
  departmentNames,
  onDismiss,
  onOpen,
  loading = false,
  error,
  labels,
  locale,
  theme,
  className,
  style,
}: SpikeAlertProps) {
  const fmt = useFormatter(locale);
  const l = {
    ...defaultSpikeAlertLabels,
    ...labels,
    title: { ...defaultSpikeAlertLabels.title, ...labels?.title },
  };
  const base = rootStyle(theme, style, {
    padding: '0.75em',
    borderRadius: token('radius'),
    border: `1px solid ${token('border')}`,
  });
  if (error || loading || !spike) {
    return (
      <div className={className} style={base}>
        {error ? (
          <StateMessage kind="error">{errorText(error, l.error)}</StateMessage>
        ) : loading ? (
          <StateMessage kind="loading">{l.loading}</StateMessage>
        ) : (
          <StateMessage kind="empty">{l.empty}</StateMessage>
        )}
      </div>
    );
  }
  const severity = Math.min(10, Math.max(1, Math.round(spike.severity || 1)));
  const color = severity >= 7 ? token('danger') : severity >= 4 ? token('warning') : token('fg');
  const comparison =
    spike.kind === 'negative_share' &&
    spike.negativeShare !== undefined &&
    spike.expectedNegativeShare !== undefined
      ? fill(l.negativeShare, {
          observed: fmt.percent(spike.negativeShare),
          expected: fmt.percent(spike.expectedNegativeShare),
        })
      : fill(l.volume, {
          observed: fmt.number(spike.observed),
          expected: fmt.number(spike.expected, { maximumFractionDigits: 1 }),
        });
  const department = spike.department
    ? (departmentNames?.[spike.department] ?? spike.department)
    : undefined;
  return (
    <section
      role="alert"
      data-severity={severity}
      className={className}
      style={{ ...base, borderInlineStart: `4px solid ${color}` }}
    >
      <h3 style={{ margin: 0, font: 'inherit', fontWeight: 600, color }}>
        {fill(l.title[spike.kind], { severity: fmt.number(severity) })}
      </h3>
      <p style={{ margin: '0.3em 0' }}>{comparison}</p>
      <p style={{ margin: '0.3em 0', color: token('muted') }}>
        {fill(l.since, { start: fmt.dateTime(spike.start) })}
      </p>
      {spike.reasons.length > 0 && (
        <ul style={{ margin: '0.3em 0', paddingInlineStart: '1.2em' }}>
          {spike.reasons.map((r, i) => (
            <li key={i}>
              <UserText text={r} />
            </li>
          ))}
        </ul>
      )}
      {spike.topTerms && spike.topTerms.length > 0 && (
        <p style={{ margin: '0.3em 0' }}>
          {l.terms}:{' '}
          {spike.topTerms.slice(0, 8).map((t, i) => (
            <span key={t.term}>
              {i > 0 && ', '}
              <UserText text={t.term} /> (×{fmt.number(t.lift, { maximumFractionDigits: 1 })})
            </span>
          ))}
        </p>
      )}
      {department !== undefined && (
        <p style={{ margin: '0.3em 0' }}>
          {fillNodes(l.department, { department: <UserText text={department} max={100} /> })}
        </p>
      )}
      {(onOpen || onDismiss) && (
        <div style={{ display: 'flex', gap: '0.5em', marginTop: '0.5em' }}>
          {onOpen && (
            <button type="button" onClick={onOpen} style={buttonStyle}>
              {l.open}
            </button>
          )}
          {onDismiss && (
            <button type="button" onClick={onDismiss} style={buttonStyle}>
              {l.dismiss}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
