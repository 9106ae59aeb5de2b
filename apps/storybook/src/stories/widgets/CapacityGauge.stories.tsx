import type { Meta, StoryObj } from '@storybook/react-vite';
import { CapacityGauge } from '@rapport/react';
import { expect, within } from 'storybook/test';
import { AllStatesGrid } from '../../support/AllStates';
import { hostile } from '../../support/hostile';

const meta = {
  title: 'Widgets/CapacityGauge',
  component: CapacityGauge,
  args: { held: 312, staff: 3, perStaff: 150, uncovered: 0 },
  argTypes: {
    held: { control: { type: 'range', min: 0, max: 1200, step: 1 } },
    staff: { control: { type: 'range', min: 0, max: 8, step: 1 } },
    perStaff: { control: { type: 'range', min: 50, max: 250, step: 10 } },
    uncovered: { control: { type: 'range', min: 0, max: 300, step: 1 } },
    loading: { control: 'boolean' },
    error: { control: 'text' },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'Relationships held against what the staff can actually hold: about **150 per person** committed online',
          '(Dunbar). Feed it from `planCapacity(report, staff)`: `held` is the superfans with an owner,',
          '`uncovered` those without one. It is a `meter` whose value text reads the whole sentence;',
          'it turns amber above 85% and red over capacity, with the overflow spelled out.',
        ].join(' '),
      },
    },
  },
} satisfies Meta<typeof CapacityGauge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const meter = within(canvasElement).getByRole('meter', { name: 'Relationship capacity' });
    await expect(meter).toHaveAttribute('aria-valuemax', '450');
    await expect(meter).toHaveAttribute('aria-valuenow', '312');
  },
};

/** Above 85% of capacity: time to commit another person or be choosier. */
export const NearlyFull: Story = { args: { held: 420 } };

/** More superfans than the team can know: the overflow and the uncovered are spelled out. */
export const OverCapacity: Story = {
  args: { held: 520, uncovered: 70 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('70 over capacity')).toBeVisible();
    await expect(canvas.getByText('70 superfans without an owner')).toBeVisible();
  },
};

/** No staff committed yet. */
export const Empty: Story = { args: { staff: 0, held: 0 } };
export const Loading: Story = { args: { loading: true } };
export const Error: Story = {
  args: { error: 'The superfan report could not be loaded (HTTP 503).' },
};

/** A large community team: thousands of relationships, formatted for the locale. */
export const Dense: Story = { args: { held: 5812, staff: 40, uncovered: 12 } };

/** Hostile text in an error message is shown as text, never as markup. */
export const HostileText: Story = {
  args: { error: hostile.markup },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img')).toBeNull();
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent('<img src=x');
  },
};

export const DarkTheme: Story = { globals: { theme: 'dark' }, args: { held: 420, uncovered: 8 } };

export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  args: {
    locale: 'ar-EG',
    labels: {
      title: 'سعة العلاقات',
      summary: '{held} من {capacity} علاقة ({staff} موظفين × {perStaff})',
      overflow: '{count} فوق السعة',
      uncovered: '{count} بلا مسؤول',
    },
    held: 480,
    uncovered: 30,
  },
};

const title = (name: string) => ({ title: `Relationship capacity: ${name}` });

export const AllStates: Story = {
  parameters: { rapportFrame: false },
  render: () => (
    <AllStatesGrid
      states={[
        { name: 'Default', node: <CapacityGauge held={312} staff={3} labels={title('service')} /> },
        {
          name: 'Nearly full',
          node: <CapacityGauge held={420} staff={3} labels={title('product')} />,
        },
        {
          name: 'Over capacity',
          node: <CapacityGauge held={520} staff={3} uncovered={70} labels={title('community')} />,
        },
        { name: 'Empty', node: <CapacityGauge held={0} staff={0} labels={title('sales')} /> },
        {
          name: 'Loading',
          node: <CapacityGauge held={0} staff={3} loading labels={title('HR')} />,
        },
        {
          name: 'Error',
          node: (
            <CapacityGauge held={0} staff={3} error={hostile.markup} labels={title('logistics')} />
          ),
        },
      ]}
      dark={<CapacityGauge held={420} staff={3} uncovered={8} labels={title('dark')} />}
      rtl={
        <CapacityGauge
          held={480}
          staff={3}
          uncovered={30}
          locale="ar-EG"
          labels={{ title: 'سعة العلاقات', summary: '{held} من {capacity} علاقة' }}
        />
      }
    />
  ),
};
