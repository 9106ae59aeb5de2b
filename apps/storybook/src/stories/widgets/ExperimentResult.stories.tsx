import type { Meta, StoryObj } from '@storybook/react-vite';
import { msprtTest, twoProportionTest } from '@rapport/core';
import { ExperimentResult, type ExperimentResultProps } from '@rapport/react';
import { expect, within } from 'storybook/test';
import { AllStatesGrid } from '../../support/AllStates';
import { hostile } from '../../support/hostile';

type Args = ExperimentResultProps & {
  controlAnswered: number;
  controlAsked: number;
  variantAnswered: number;
  variantAsked: number;
};

/** Runs the core's two-proportion test on the story's counts. */
function Live({ controlAnswered, controlAsked, variantAnswered, variantAsked, ...props }: Args) {
  const control = { successes: Math.min(controlAnswered, controlAsked), trials: controlAsked };
  const treatment = { successes: Math.min(variantAnswered, variantAsked), trials: variantAsked };
  return (
    <ExperimentResult
      {...props}
      result={props.result === undefined ? twoProportionTest(control, treatment) : props.result}
      control={control}
      treatment={treatment}
    />
  );
}

const meta = {
  title: 'Widgets/ExperimentResult',
  component: ExperimentResult,
  args: {
    name: 'Reply to complaints within 10 minutes',
    controlName: 'Reply within the hour',
    treatmentName: 'Reply within 10 minutes',
    controlAnswered: 200,
    controlAsked: 2000,
    variantAnswered: 250,
    variantAsked: 2000,
  },
  argTypes: {
    controlAnswered: {
      control: { type: 'range', min: 0, max: 3000, step: 1 },
      description: 'Story control: successes in the control arm (e.g. customers who bought again).',
    },
    controlAsked: { control: { type: 'range', min: 0, max: 3000, step: 10 } },
    variantAnswered: { control: { type: 'range', min: 0, max: 3000, step: 1 } },
    variantAsked: { control: { type: 'range', min: 0, max: 3000, step: 10 } },
    result: { control: false },
    control: { control: false },
    treatment: { control: false },
    error: { control: 'text' },
  },
  render: (args) => <Live {...args} />,
  parameters: {
    docs: {
      description: {
        component: [
          "An experiment's verdict — **won**, **lost**, **inconclusive** or **needs more data** — with both rates,",
          'the relative lift, the confidence interval of the difference drawn against zero, the p-value and the',
          "reasons. Pass any result of the core's tests (`twoProportionTest`, `welchTTest`, `msprtTest`,",
          '`millerSequentialTest`). These stories run `twoProportionTest` live on the counts in the controls:',
          'the default is the reference case 200/2000 vs 250/2000 (z ≈ 2.50, p ≈ 0.012).',
        ].join(' '),
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Won: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: /within 10 minutes/ })).toBeVisible();
    await expect(canvasElement.querySelector('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      'won',
    );
  },
};

export const Lost: Story = { args: { variantAnswered: 150 } };

/** A small difference on a small sample: no clear difference. */
export const Inconclusive: Story = {
  args: { controlAnswered: 40, controlAsked: 400, variantAnswered: 46, variantAsked: 400 },
};

/** Too few successes for the normal approximation: keep going. */
export const NeedMoreData: Story = {
  args: { controlAnswered: 3, controlAsked: 20, variantAnswered: 4, variantAsked: 20 },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('[data-verdict]')).toHaveAttribute(
      'data-verdict',
      'need_more_data',
    );
  },
};

/** An always-valid sequential test (mSPRT): safe to look at every day. */
export const Sequential: Story = {
  args: {
    name: 'Help-first replies (checked daily with mSPRT)',
    result: msprtTest({ successes: 200, trials: 2000 }, { successes: 260, trials: 2000 }),
  },
};

/** No data yet. */
export const Empty: Story = { args: { result: null } };
export const Loading: Story = { args: { loading: true } };
export const Error: Story = {
  args: { error: 'The experiment could not be evaluated: no events.' },
};

/** Large arms: numbers formatted for the locale. */
export const Dense: Story = {
  args: {
    controlAnswered: 1_204_311,
    controlAsked: 9_877_002,
    variantAnswered: 1_219_870,
    variantAsked: 9_880_310,
  },
};

/** An experiment named by a hostile user is shown as text. */
export const HostileText: Story = {
  args: {
    name: hostile.markup,
    controlName: hostile.rtlOverride,
    treatmentName: hostile.zeroWidth,
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img, script')).toBeNull();
  },
};

export const DarkTheme: Story = { globals: { theme: 'dark' } };

export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  args: {
    locale: 'ar-EG',
    name: 'الرد على الشكاوى خلال 10 دقائق',
    controlName: 'الرد خلال ساعة',
    treatmentName: 'الرد خلال 10 دقائق',
  },
};

const a = { successes: 200, trials: 2000 };
const b = { successes: 250, trials: 2000 };

export const AllStates: Story = {
  parameters: { rapportFrame: false },
  render: () => (
    <AllStatesGrid
      states={[
        {
          name: 'Won',
          node: (
            <ExperimentResult
              name="Faster replies"
              result={twoProportionTest(a, b)}
              control={a}
              treatment={b}
            />
          ),
        },
        {
          name: 'Lost',
          node: (
            <ExperimentResult
              name="Promo replies"
              result={twoProportionTest(b, a)}
              control={b}
              treatment={a}
            />
          ),
        },
        {
          name: 'Inconclusive',
          node: (
            <ExperimentResult
              name="Emoji in replies"
              result={twoProportionTest(
                { successes: 40, trials: 400 },
                { successes: 46, trials: 400 },
              )}
            />
          ),
        },
        {
          name: 'Needs more data',
          node: (
            <ExperimentResult
              name="Video answers"
              result={twoProportionTest({ successes: 3, trials: 20 }, { successes: 4, trials: 20 })}
            />
          ),
        },
        { name: 'Empty', node: <ExperimentResult name="Not started" result={null} /> },
        { name: 'Loading', node: <ExperimentResult name="Loading" loading /> },
        {
          name: 'Error',
          node: <ExperimentResult name="Broken" error="No events in the period." />,
        },
      ]}
      dark={
        <ExperimentResult
          name="Faster replies (dark)"
          result={twoProportionTest(a, b)}
          control={a}
          treatment={b}
        />
      }
      rtl={
        <ExperimentResult
          name="الرد خلال 10 دقائق"
          locale="ar-EG"
          result={twoProportionTest(a, b)}
          control={a}
          treatment={b}
        />
      }
    />
  ),
};
