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
  /**
   * Staff committed online to relationships (whole people; a fraction is rounded down). Not a finite number or
   * below 0 counts as no staff (the empty state). Ignored when `plan` is given.
   */
  staff?: number;
  /** The core's `planCapacity` result: held = assignments, capacity and uncovered from the plan. */
  plan?: Pick<CapacityPlan, 'capacity' | 'assignments' | 'uncovered' | 'load'>;
  /** Relationships one person can hold (default 150, Dunbar's number; also used when not a finite number). */
  perStaff?: number;
  /** Superfans with no owner (from the core's capacity plan). */
  uncovered?: number;
  loading?: boolean;
  error?: unknown;
  labels?: Partial<CapacityGaugeLabels>;
}

/**
 * Relationships held against what the staff can hold (about 150 per person committed online), as a `meter`.
 * Without any capacity (no staff, or a count that is not a number) it shows its empty state, never a NaN meter.
 *
 * @example
 * ```tsx
 * // From the core's plan (part-time staff included): capacity, held and uncovered come from it.
 * <CapacityGauge plan={planCapacity(report, [{ id: 'sam' }, { id: 'kim', commitment: 0.5 }])} />
 * // Or from counts: 240 relationships held by 2 staff (150 each), 12 superfans without an owner.
 * <CapacityGauge held={240} staff={2} uncovered={12} />
 * ```
 */
export function CapacityGauge({
  held: heldProp = 0,
  staff: staffProp = 0,
  perStaff: perStaffProp = 150,
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
  // NaN, ±Infinity and negative counts (a bad import, an empty form field) would reach the meter's ARIA
  // attributes as "NaN": no staff and no room per person mean no capacity, which is the empty state.
  const perStaff = Number.isFinite(perStaffProp) ? Math.max(0, perStaffProp) : 150;
  // With a plan, staff may be part-time (commitment < 1): its capacity is the truth.
  const staff = plan ? plan.load.length : Math.floor(finiteCount(staffProp));
  const held = plan ? plan.assignments.length + plan.uncovered.length : heldProp;
  const uncovered = plan ? plan.uncovered.length : uncoveredProp;
  const capacity = plan ? finiteCount(plan.capacity) : staff * perStaff;
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

/** A count to compute with: 0 for NaN, ±Infinity and negative values. */
function finiteCount(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}
