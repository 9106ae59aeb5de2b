import type { Meta, StoryObj } from '@storybook/react-vite';
import type { GoalReport } from '@rapport/core';
import { GoalTree } from '@rapport/react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { AllStatesGrid } from '../../support/AllStates';
import { hostile } from '../../support/hostile';
import { sampleGoals, vanityGoals } from '../../support/insights';

function hostileReport(): GoalReport {
  const { report } = sampleGoals();
  return {
    ...report,
    objectives: report.objectives.map((o, i) =>
      i === 0 ? { ...o, name: hostile.markup } : i === 1 ? { ...o, name: hostile.rtlOverride } : o,
    ),
  };
}

const meta = {
  title: 'Widgets/GoalTree',
  component: GoalTree,
  args: { onSelectKpi: fn(), onExpandedChange: fn() },
  argTypes: {
    report: { control: false },
    currency: { control: 'select', options: ['USD', 'EUR', 'GBP', 'JPY'] },
    loading: { control: 'boolean' },
    error: { control: 'text' },
  },
  render: (args) => <GoalTree report={sampleGoals().report} {...args} />,
  parameters: {
    docs: {
      description: {
        component: [
          'The business objective, one objective per department (service first, marketing last) and their KPIs,',
          'each with its status (on track, at risk, off track, no data), actual against target, and warnings: an',
          'objective measured only by outputs (likes, followers, impressions) is flagged, never celebrated. Feed',
          "it `evaluateGoals(tree, events, { from, to, now })`. Here: the preset tree on the sample world's care",
          'events, with targets for response rate, first response time and answers within the hour.',
        ].join(' '),
      },
    },
  },
} satisfies Meta<typeof GoalTree>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const toggle = canvas.getAllByRole('button', { name: /^Show or hide / })[0]!;
    await userEvent.click(toggle);
    await expect(args.onExpandedChange).toHaveBeenCalled();
  },
};

/** Only output metrics: the vanity guard's warning. */
export const VanityMetrics: Story = {
  render: (args) => <GoalTree report={vanityGoals()} {...args} />,
  play: async ({ canvasElement }) => {
    await expect(
      within(canvasElement).getAllByText(/likes and followers cannot be the objective|output/i)
        .length,
    ).toBeGreaterThan(0);
  },
};

export const Collapsed: Story = { args: { defaultExpandedIds: [] } };
export const Empty: Story = { render: (args) => <GoalTree {...args} report={null} /> };
export const Loading: Story = { render: (args) => <GoalTree {...args} loading /> };
export const ErrorState: Story = {
  name: 'Error',
  render: (args) => (
    <GoalTree {...args} error="Goals could not be computed: the tree has a cycle." />
  ),
};
export const HostileText: Story = {
  render: (args) => <GoalTree {...args} report={hostileReport()} />,
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img, script')).toBeNull();
  },
};
export const DarkTheme: Story = { globals: { theme: 'dark' } };
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  args: { locale: 'ar-EG', labels: { title: 'الأهداف' } },
};

const title = (t: string) => ({ title: `Goals: ${t}` });

export const AllStates: Story = {
  parameters: { rapportFrame: false },
  render: () => (
    <AllStatesGrid
      states={[
        {
          name: 'Default',
          node: <GoalTree report={sampleGoals().report} labels={title('sample')} />,
        },
        {
          name: 'Vanity metrics',
          node: <GoalTree report={vanityGoals()} labels={title('vanity')} />,
        },
        { name: 'Empty', node: <GoalTree report={null} labels={title('empty')} /> },
        { name: 'Loading', node: <GoalTree loading labels={title('loading')} /> },
        { name: 'Error', node: <GoalTree error="Could not compute." labels={title('error')} /> },
      ]}
      dark={<GoalTree report={vanityGoals()} labels={title('dark')} />}
      rtl={<GoalTree report={vanityGoals()} locale="ar-EG" labels={{ title: 'الأهداف' }} />}
    />
  ),
};
