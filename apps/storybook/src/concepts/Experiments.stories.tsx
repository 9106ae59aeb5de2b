import type { Meta, StoryObj } from '@storybook/react-vite';
import { msprtTest, sampleSizePerArm, twoProportionTest, wilsonInterval } from '@rapport/core';
import { ExperimentResult } from '@rapport/react';
import { useState } from 'react';
import { expect, within } from 'storybook/test';
import { Columns, Field } from './ui';

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

function Slider({
  label,
  value,
  max,
  onChange,
}: {
  label: string;
  value: number;
  max: number;
  onChange: (v: number) => void;
}) {
  return (
    <Field label={`${label}: ${value.toLocaleString('en-US')}`}>
      <input
        type="range"
        min={0}
        max={max}
        value={value}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </Field>
  );
}

/** Two arms of an A/B test and every verdict the core can give on them. */
function ExperimentPlayground({ initial }: { initial: [number, number, number, number] }) {
  const [[cs, ct, ts, tt], setCounts] = useState(initial);
  const set = (i: number, v: number) =>
    setCounts((c) => {
      const next = [...c] as [number, number, number, number];
      next[i] = v;
      next[0] = Math.min(next[0], next[1]);
      next[2] = Math.min(next[2], next[3]);
      return next;
    });
  const control = { successes: cs, trials: ct };
  const treatment = { successes: ts, trials: tt };
  const fixed = twoProportionTest(control, treatment);
  const sequential = msprtTest(control, treatment);
  const planned =
    ct > 0 && cs > 0 && cs < ct
      ? sampleSizePerArm({ baselineRate: cs / ct, expectedRate: Math.min(0.99, (cs / ct) * 1.2) })
      : undefined;
  const [wl, wh] = wilsonInterval(ts, tt);
  return (
    <Columns>
      <form style={{ display: 'grid', gap: 12 }} onSubmit={(e) => e.preventDefault()}>
        <Slider
          label="Control: customers who came back"
          value={cs}
          max={3000}
          onChange={(v) => set(0, v)}
        />
        <Slider
          label="Control: customers answered"
          value={ct}
          max={3000}
          onChange={(v) => set(1, v)}
        />
        <Slider
          label="Variant: customers who came back"
          value={ts}
          max={3000}
          onChange={(v) => set(2, v)}
        />
        <Slider
          label="Variant: customers answered"
          value={tt}
          max={3000}
          onChange={(v) => set(3, v)}
        />
        <p style={{ margin: 0 }}>
          Variant rate {tt > 0 ? pct(ts / tt) : '—'}, 95% Wilson interval {pct(wl)} to {pct(wh)}.
          {planned !== undefined &&
            ` To detect a 20% relative lift on the control's rate you need about ${planned.toLocaleString('en-US')} per arm.`}
        </p>
      </form>
      <div style={{ display: 'grid', gap: 12 }}>
        <ExperimentResult
          name="Fixed sample: two-proportion z-test"
          result={fixed}
          control={control}
          treatment={treatment}
          controlName="Answer within the hour"
          treatmentName="Answer within 10 minutes"
        />
        <ExperimentResult name="Watching daily: mSPRT (always valid)" result={sequential} />
      </div>
    </Columns>
  );
}

const meta = {
  title: 'Concepts/Experiment verdicts',
  component: ExperimentPlayground,
  args: { initial: [200, 2000, 250, 2000] },
  argTypes: { initial: { control: false } },
  parameters: {
    docs: {
      description: {
        component: `
"Fail often, measure": Rapport reads experiments honestly and gives one of four verdicts, with the reasons.

- **Won** / **lost**: the difference is significant (two-sided p below alpha, 0.05 by default) in the direction
  the team hoped for, or against it.
- **Inconclusive**: enough data, no clear difference. The confidence interval of the difference crosses zero.
- **Needs more data**: too few successes or failures for the normal approximation, or fewer trials than the
  sample size planned before starting. Stopping early on a peek inflates false wins.

Checking every day? Use an always-valid sequential test (\`msprtTest\`, or Evan Miller's simple stopping rule):
its p-value stays honest however often you look. \`sampleSizePerArm\` says how many you need before you start;
\`wilsonInterval\` gives an interval that behaves on small samples. The default is the reference case
200/2000 vs 250/2000 (z ≈ 2.50, p ≈ 0.012).`,
      },
    },
  },
} satisfies Meta<typeof ExperimentPlayground>;

export default meta;
type Story = StoryObj<typeof meta>;

const verdicts = (el: HTMLElement) =>
  [...el.querySelectorAll('[data-verdict]')].map((v) => v.getAttribute('data-verdict'));

export const Won: Story = {
  play: async ({ canvasElement }) => {
    await expect(verdicts(canvasElement)[0]).toBe('won');
    await expect(within(canvasElement).getByText(/per arm/)).toBeVisible();
  },
};
export const Inconclusive: Story = { args: { initial: [40, 400, 46, 400] } };
export const NeedsMoreData: Story = {
  args: { initial: [3, 20, 4, 20] },
  play: async ({ canvasElement }) => {
    await expect(verdicts(canvasElement)[0]).toBe('need_more_data');
  },
};
export const Lost: Story = { args: { initial: [250, 2000, 200, 2000] } };
