import type { Meta, StoryObj } from '@storybook/react-vite';
import { ScoreBadge } from '@rapport/react';

const meta = {
  title: 'Widgets/ScoreBadge',
  component: ScoreBadge,
  args: { priority: 82 },
  argTypes: {
    priority: { control: { type: 'range', min: 0, max: 100, step: 1 } },
    band: { control: 'select', options: [undefined, 'critical', 'high', 'normal', 'low'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          "A mention's priority (0–100) and its band. It is a `status`, so screen readers announce changes politely.",
      },
    },
  },
} satisfies Meta<typeof ScoreBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Critical: Story = {};
export const Low: Story = { args: { priority: 12 } };
export const AllStates: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 8 }}>
      {[90, 60, 30, 5].map((p) => (
        <ScoreBadge key={p} priority={p} />
      ))}
    </div>
  ),
};
