import type { Meta, StoryObj } from '@storybook/react-vite';
import { VolumeChart } from '@rapport/react';
import { expect, within } from 'storybook/test';
import { AllStatesGrid } from '../../support/AllStates';
import { deliverySpike, negativeShareSpike, volumeSeries } from '../../support/fixtures';
import { spikesAt } from '../../support/insights';
import { INCIDENT_NOW } from '../../support/world';

const twoWeeks = volumeSeries(14);
const quarter = volumeSeries(90, 11);

const meta = {
  title: 'Widgets/VolumeChart',
  component: VolumeChart,
  args: { data: twoWeeks, spikes: [deliverySpike], height: 240 },
  argTypes: {
    height: { control: { type: 'range', min: 120, max: 480, step: 10 } },
    showNegativeShare: { control: 'boolean' },
    data: { control: false },
    spikes: { control: false },
    loading: { control: 'boolean' },
    error: { control: 'text' },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'Mentions per time bucket (bars), the share of them that is negative (line, right axis), the usual range',
          'the detector expected (shaded band) and spikes (red areas). Below the chart, a sentence and the list of',
          'spikes say the same in words, for screen readers and for people who prefer words; the chart itself is',
          'hidden from assistive technology. Feed it the series you gave `detectSpikes` and the spikes it returned.',
        ].join(' '),
      },
    },
  },
} satisfies Meta<typeof VolumeChart>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const figure = within(canvasElement).getByRole('figure', { name: 'Mentions over time' });
    await expect(figure).toHaveTextContent('in 336 periods. Spikes: 1.');
    await expect(figure).toHaveTextContent('98 mentions vs about 19.6 expected (severity 8)');
  },
};

/** The sample world's last seven days up to Monday 09:00, with the spikes the core finds in its whole history. */
export const FromTheSampleWorld: Story = {
  render: (args) => {
    const { series, spikes } = spikesAt(INCIDENT_NOW);
    return <VolumeChart {...args} data={series.slice(-7 * 24)} spikes={spikes} />;
  },
};

export const TwoSpikes: Story = { args: { spikes: [negativeShareSpike, deliverySpike] } };
export const WithoutNegativeShare: Story = { args: { showNegativeShare: false } };
export const NoSpikes: Story = { args: { data: volumeSeries(7, 3), spikes: [] } };

/** Ninety days of hourly buckets (2,160 bars). */
export const Dense: Story = { args: { data: quarter, spikes: [] } };

export const Empty: Story = { args: { data: [], spikes: [] } };
export const Loading: Story = { args: { loading: true } };
export const ErrorState: Story = {
  name: 'Error',
  args: { error: 'Mentions could not be loaded (timeout).' },
};
export const DarkTheme: Story = { globals: { theme: 'dark' } };

export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  args: {
    locale: 'ar-EG',
    labels: {
      title: 'الإشارات عبر الزمن',
      summary: '{total} إشارة في {buckets} فترة. الارتفاعات: {spikes}.',
      spike: '{start}: {observed} إشارة مقابل نحو {expected} (الشدة {severity})',
    },
  },
};

export const AllStates: Story = {
  parameters: { rapportFrame: false },
  render: () => (
    <AllStatesGrid
      columns={1}
      states={[
        {
          name: 'With a spike',
          node: <VolumeChart data={twoWeeks} spikes={[deliverySpike]} height={180} />,
        },
        { name: 'Empty', node: <VolumeChart data={[]} /> },
        { name: 'Loading', node: <VolumeChart data={[]} loading /> },
        { name: 'Error', node: <VolumeChart data={[]} error="Mentions could not be loaded." /> },
      ]}
      dark={
        <VolumeChart
          data={twoWeeks}
          spikes={[deliverySpike]}
          height={180}
          labels={{ title: 'Mentions over time (dark)' }}
        />
      }
      rtl={
        <VolumeChart
          data={twoWeeks}
          spikes={[deliverySpike]}
          height={180}
          locale="ar-EG"
          labels={{ title: 'الإشارات عبر الزمن' }}
        />
      }
    />
  ),
};
