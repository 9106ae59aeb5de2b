import type {
  ArmCounts,
  ExperimentResult as CoreExperimentResult,
  ExperimentVerdict,
} from '@rapport/core';
import { useId } from 'react';
import { useFormatter } from '../theme/RapportProvider';
import { token } from '../theme/tokens';
import { fill } from '../internal/format';
import { errorText, rootStyle, StateMessage, UserText, type WidgetBaseProps } from '../internal/ui';

export interface ExperimentResultLabels {
  verdict: Record<ExperimentVerdict, string>;
  control: string;
  treatment: string;
  /** `{rate}` (the arm's mean for `welchTTest`) and `{counts}`. */
  rate: string;
  /** `{successes}` of `{trials}`. */
  counts: string;
  lift: string;
  interval: string;
  pValue: string;
  why: string;
  loading: string;
  empty: string;
  error: string;
}

export const defaultExperimentResultLabels: ExperimentResultLabels = {
  verdict: {
    won: 'Won',
    lost: 'Lost',
    inconclusive: 'Inconclusive',
    need_more_data: 'Needs more data',
  },
  control: 'Control',
  treatment: 'Variant',
  rate: '{rate} ({counts})',
  counts: '{successes} of {trials}',
  lift: 'Relative lift',
  interval: 'Confidence interval of the difference',
  pValue: 'p-value',
  why: 'Why',
  loading: 'Loading experiment…',
  empty: 'No result yet.',
  error: 'The experiment could not be evaluated.',
};

export interface ExperimentResultProps extends WidgetBaseProps {
  /** The experiment's name, e.g. "Reply within 10 minutes". */
  name: string;
  /**
   * The result from the core's experiment tests (`twoProportionTest`, `msprtTest`, `millerSequentialTest`,
   * `welchTTest`); null before any data. Rates and the interval of proportion tests show as percentages; the
   * means and the interval of `welchTTest` show as plain numbers in the metric's unit. The lift is a percentage.
   */
  result?: CoreExperimentResult | null;
  /** Raw counts per arm, shown next to the rates when given. */
  control?: ArmCounts;
  treatment?: ArmCounts;
  /** Arm names (default "Control" and "Variant"). */
  controlName?: string;
  treatmentName?: string;
  loading?: boolean;
  error?: unknown;
  labels?: Partial<Omit<ExperimentResultLabels, 'verdict'>> & {
    verdict?: Partial<Record<ExperimentVerdict, string>>;
  };
}

const VERDICT_COLOR: Record<ExperimentVerdict, string> = {
  won: token('ok'),
  lost: token('danger'),
  inconclusive: token('muted'),
  need_more_data: token('warning'),
};

/**
 * An A/B test's verdict with rates, lift, the confidence interval drawn against zero and the reasons.
 *
 * @example
 * ```tsx
 * <ExperimentResult name="Faster first reply" result={twoProportionTest(a, b)} control={a} treatment={b} />
 * ```
 */
export function ExperimentResult({
  name,
  result,
  control,
  treatment,
  controlName,
  treatmentName,
  loading = false,
  error,
  labels,
  locale,
  theme,
  className,
  style,
}: ExperimentResultProps) {
  const fmt = useFormatter(locale);
  const l = {
    ...defaultExperimentResultLabels,
    ...labels,
    verdict: { ...defaultExperimentResultLabels.verdict, ...labels?.verdict },
  };
  const headingId = useId();
  let body;
  if (error) body = <StateMessage kind="error">{errorText(error, l.error)}</StateMessage>;
  else if (loading) body = <StateMessage kind="loading">{l.loading}</StateMessage>;
  else if (!result) body = <StateMessage kind="empty">{l.empty}</StateMessage>;
  else {
    // Proportion tests give rates (0..1) and a difference of rates; Welch's t-test gives the arms' means and a
    // difference of means, in the metric's own unit (seconds, posts…): those are plain numbers, not percentages.
    const value = isMeanTest(result.test)
      ? (v: number | null) => fmt.number(v, MEAN_FORMAT)
      : (v: number | null) => fmt.percent(v, 2);
    const arm = (rate: number, counts?: ArmCounts) =>
      counts
        ? fill(l.rate, {
            rate: value(rate),
            counts: fill(l.counts, {
              successes: fmt.number(counts.successes),
              trials: fmt.number(counts.trials),
            }),
          })
        : value(rate);
    body = (
      <>
        <p style={{ margin: '0 0 0.5em' }}>
          <strong data-verdict={result.verdict} style={{ color: VERDICT_COLOR[result.verdict] }}>
            {l.verdict[result.verdict]}
          </strong>
        </p>
        <dl
          style={{ display: 'grid', gridTemplateColumns: 'auto 1fr', gap: '0.2em 1em', margin: 0 }}
        >
          <dt>{controlName ? <UserText text={controlName} max={100} /> : l.control}</dt>
          <dd style={{ margin: 0 }}>{arm(result.controlRate, control)}</dd>
          <dt>{treatmentName ? <UserText text={treatmentName} max={100} /> : l.treatment}</dt>
          <dd style={{ margin: 0 }}>{arm(result.treatmentRate, treatment)}</dd>
          <dt>{l.lift}</dt>
          <dd style={{ margin: 0 }}>{fmt.percent(result.relativeLift, 1)}</dd>
          <dt>{l.interval}</dt>
          <dd style={{ margin: 0 }}>
            {result.interval ? `${value(result.interval[0])} … ${value(result.interval[1])}` : '—'}
            {result.interval && <IntervalBar interval={result.interval} />}
          </dd>
          <dt>{l.pValue}</dt>
          <dd style={{ margin: 0 }}>
            {fmt.number(result.pValue, { maximumSignificantDigits: 3 })}
          </dd>
        </dl>
        {result.reasons.length > 0 && (
          <>
            <h4 style={{ margin: '0.6em 0 0.2em', font: 'inherit', fontWeight: 600 }}>{l.why}</h4>
            <ul style={{ margin: 0, paddingInlineStart: '1.2em' }}>
              {result.reasons.map((r, i) => (
                <li key={i}>{r}</li>
              ))}
            </ul>
          </>
        )}
      </>
    );
  }
  return (
    <section
      aria-labelledby={headingId}
      className={className}
      style={rootStyle(theme, style, { padding: '0.75em', borderRadius: token('radius') })}
    >
      <h3 id={headingId} style={{ margin: '0 0 0.5em', font: 'inherit', fontWeight: 600 }}>
        <UserText text={name} max={200} />
      </h3>
      {body}
    </section>
  );
}

/** Tests on means (the arms' values are averages in the metric's unit) rather than on proportions. */
function isMeanTest(test: CoreExperimentResult['test']): boolean {
  return test === 'welch_t';
}

/**
 * Means and their difference: two decimals, or three significant digits for small values (0.00123), whichever
 * keeps more precision.
 */
const MEAN_FORMAT: Intl.NumberFormatOptions = {
  maximumFractionDigits: 2,
  maximumSignificantDigits: 3,
  roundingPriority: 'morePrecision',
};

/** The interval drawn on a symmetric axis around zero: crossing the zero line means "no clear difference". */
function IntervalBar({ interval }: { interval: [number, number] }) {
  const [lo, hi] = interval;
  const span = Math.max(Math.abs(lo), Math.abs(hi), 1e-9) * 1.1;
  const x = (v: number) => 50 + (v / span) * 50;
  return (
    <svg
      viewBox="0 0 100 10"
      width="100%"
      height="10"
      aria-hidden="true"
      focusable="false"
      style={{ display: 'block', maxWidth: '16em' }}
    >
      <line x1="50" x2="50" y1="0" y2="10" stroke={token('muted')} strokeWidth="0.5" />
      <line x1={x(lo)} x2={x(hi)} y1="5" y2="5" stroke={token('accent')} strokeWidth="3" />
    </svg>
  );
}
