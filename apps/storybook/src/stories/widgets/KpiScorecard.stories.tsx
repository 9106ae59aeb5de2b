import type { Meta, StoryObj } from '@storybook/react-vite';
import type { GoalReport } from '@rapport/core';
import { KpiScorecard } from '@rapport/react';
import { expect, fn, within } from 'storybook/test';
import { AllStatesGrid } from '../../support/AllStates';
import { hostile } from '../../support/hostile';
import { sampleGoals, vanityGoals } from '../../support/insights';

const serviceIds = () =>
  sampleGoals()
    .report.kpis.filter((k) => k.kpi.startsWith('service.'))
    .map((k) => k.kpi);

function hostileReport(): GoalReport {
  const { report } = sampleGoals();
  return {
    ...report,
    kpis: report.kpis.map((k, i) =>
      i < 2 ? { ...k, name: i ? hostile.rtlOverride : hostile.markup } : k,
    ),
  };
}

const meta = {
  title: 'Widgets/KpiScorecard',
  component: KpiScorecard,
  args: { onSelectKpi: fn() },
  argTypes: {
    report: { control: false },
    kpiIds: { control: 'object' },
    currency: { control: 'select', options: ['USD', 'EUR', 'GBP', 'JPY'] },
    loading: { control: 'boolean' },
    error: { control: 'text' },
  },
  render: (args) => <KpiScorecard report={sampleGoals().report} kpiIds={serviceIds()} {...args} />,
  parameters: {
    docs: {
      description: {
        component: [
          'KPI cards: actual against target and baseline, progress and pacing against the time gone, the trend',
          'with the target line, the owner, the evidence grade of every contribution (experiment, model,',
          'correlation), and warnings (vanity metrics, missing permission: "unavailable", never zero). Feed it',
          '`evaluateGoals(...)`; `kpiIds` picks and orders the cards.',
        ].join(' '),
      },
    },
  },
} satisfies Meta<typeof KpiScorecard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'KPI scorecard' })).toBeVisible();
    await expect(canvas.getAllByRole('meter').length).toBeGreaterThan(0);
  },
};
/** Every KPI of the preset tree, most with no target or no data yet. */
export const Dense: Story = { args: { kpiIds: undefined } };
/** Output metrics only: warned as vanity. */
export const VanityMetrics: Story = {
  render: (args) => <KpiScorecard {...args} report={vanityGoals()} />,
};
export const Empty: Story = { render: (args) => <KpiScorecard {...args} report={null} /> };
export const Loading: Story = { render: (args) => <KpiScorecard {...args} loading /> };
export const ErrorState: Story = {
  name: 'Error',
  render: (args) => <KpiScorecard {...args} error="KPIs could not be computed." />,
};
export const HostileText: Story = {
  render: (args) => <KpiScorecard {...args} report={hostileReport()} kpiIds={serviceIds()} />,
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img, script')).toBeNull();
  },
};
export const DarkTheme: Story = { globals: { theme: 'dark' } };
export const RightToLeft: Story = { globals: { dir: 'rtl' }, args: { locale: 'ar-EG' } };

const title = (t: string) => ({ title: `KPI scorecard: ${t}` });

export const AllStates: Story = {
  parameters: { rapportFrame: false },
  render: () => (
    <AllStatesGrid
      columns={1}
      states={[
        {
          name: 'Service KPIs',
          node: (
            <KpiScorecard
              report={sampleGoals().report}
              kpiIds={serviceIds().slice(0, 2)}
              labels={title('service')}
            />
          ),
        },
        {
          name: 'Vanity metrics',
          node: <KpiScorecard report={vanityGoals()} labels={title('vanity')} />,
        },
        { name: 'Empty', node: <KpiScorecard report={null} labels={title('empty')} /> },
        { name: 'Loading', node: <KpiScorecard loading labels={title('loading')} /> },
        {
          name: 'Error',
          node: <KpiScorecard error="Could not compute." labels={title('error')} />,
        },
      ]}
      dark={
        <KpiScorecard
          report={sampleGoals().report}
          kpiIds={serviceIds().slice(0, 2)}
          labels={title('dark')}
        />
      }
      rtl={
        <KpiScorecard
          report={sampleGoals().report}
          kpiIds={serviceIds().slice(0, 2)}
          locale="ar-EG"
          labels={title('rtl')}
        />
      }
    />
  ),
};
