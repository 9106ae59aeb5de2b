import type { CapacityPlan } from '@rapport/core';
import { useFormatter } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { fill } from '../internal/format';
import { errorText, Panel, StateMessage, type WidgetBaseProps } from '../internal/ui';

export interface CapacityGaugeLabels {
  title: string;
  /** `{held}`, `{capacity}`, `{staff}`, `{perStaff}`. */
  summary: string;
  /** With a plan (staff may be part-time): `{held}`, `{capacity}`, `{staff}`. */
  summaryPlan: string;
  /** `{count}` relationships above capacity. */
  overflow: string;
  /** `{count}` superfans without an owner. */
  uncovered: string;
  loading: string;
  empty: string;
  error: string;
}

export const defaultCapacityGaugeLabels: CapacityGaugeLabels = {
  title: 'Relationship capacity',
  summary: '{held} of {capacity} relationships held ({staff} staff × {perStaff})',
  summaryPlan: '{held} of {capacity} relationships held by {staff} staff',
  overflow: '{count} over capacity',
  uncovered: '{count} superfans without an owner',
  loading: 'Loading capacity…',
  empty: 'No staff committed to relationships yet.',
  error: 'Capacity could not be loaded.',
};

export interface CapacityGaugeProps extends WidgetBaseProps {
  /** Relationships currently held (superfans with an owner, or that should have one). Ignored when `plan` is given. */
  held?: number;
  /** Staff committed online to relationships. Ignored when `plan` is given. */
  staff?: number;
  /** The core's `planCapacity` result: held = assignments, capacity and uncovered from the plan. */
  plan?: Pick<CapacityPlan, 'capacity' | 'assignments' | 'uncovered' | 'load'>;
  /** Relationships one person can hold (default 150, Dunbar's number). */
  perStaff?: number;
  /** Superfans with no owner (from the core's capacity plan). */
  uncovered?: number;
  loading?: boolean;
  error?: unknown;
  labels?: Partial<CapacityGaugeLabels>;
}

/**
 * Relationships held against what the staff can hold (about 150 per person committed online), as a `meter`.
 *
 * @example
 * ```tsx
 * <CapacityGauge held={plan.assigned.length} staff={3} uncovered={plan.uncovered.length} />
 * ```
 */
export function CapacityGauge({
  held: heldProp = 0,
  staff: staffProp = 0,
  perStaff = 150,
  uncovered: uncoveredProp,
  plan,
  loading = false,
  error,
  labels,
  locale,
  theme,
  className,
  style,
}: CapacityGaugeProps) {
  const fmt = useFormatter(locale);
  const l = { ...defaultCapacityGaugeLabels, ...labels };
  // With a plan, staff may be part-time (commitment < 1): its capacity is the truth.
  const staff = plan ? plan.load.length : staffProp;
  const held = plan ? plan.assignments.length + plan.uncovered.length : heldProp;
  const uncovered = plan ? plan.uncovered.length : uncoveredProp;
  const capacity = plan
    ? Math.max(0, plan.capacity)
    : Math.max(0, Math.floor(staff)) * Math.max(0, perStaff);
  const h = Number.isFinite(held) ? Math.max(0, held) : 0;
  const share = capacity > 0 ? h / capacity : 0;
  const over = Math.max(0, h - capacity);
  const color = share > 1 ? token('danger') : share > 0.85 ? token('warning') : token('ok');
  let body;
  if (error) body = <StateMessage kind="error">{errorText(error, l.error)}</StateMessage>;
  else if (loading) body = <StateMessage kind="loading">{l.loading}</StateMessage>;
  else if (capacity === 0) body = <StateMessage kind="empty">{l.empty}</StateMessage>;
  else {
    const summary = fill(plan ? l.summaryPlan : l.summary, {
      held: fmt.number(h),
      capacity: fmt.number(capacity),
      staff: fmt.number(staff),
      perStaff: fmt.number(perStaff),
    });
    body = (
      <>
        <div
          role="meter"
          aria-label={l.title}
          aria-valuemin={0}
          aria-valuemax={capacity}
          aria-valuenow={Math.min(h, capacity)}
          aria-valuetext={summary}
          style={{
            height: '0.75em',
            borderRadius: token('radius'),
            background: token('surface'),
            border: `1px solid ${token('border')}`,
            overflow: 'hidden',
          }}
        >
          <div
            style={{ width: `${Math.min(100, share * 100)}%`, height: '100%', background: color }}
          />
        </div>
        <p style={{ margin: '0.4em 0 0' }}>{summary}</p>
        {over > 0 && (
          <p style={{ margin: '0.2em 0 0', color: token('danger') }}>
            {fill(l.overflow, { count: fmt.number(over) })}
          </p>
        )}
        {uncovered !== undefined && uncovered > 0 && (
          <p style={{ margin: '0.2em 0 0', color: token('warning') }}>
            {fill(l.uncovered, { count: fmt.number(uncovered) })}
          </p>
        )}
      </>
    );
  }
  return (
    <Panel title={l.title} theme={theme} className={className} style={style}>
      {body}
    </Panel>
  );
}
