import type { Meta, StoryObj } from '@storybook/react-vite';
import type { CommunityReport } from '@rapport/core';
import { SuperfanLeaderboard, type SuperfanLeaderboardProps } from '@rapport/react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { AllStatesGrid } from '../../support/AllStates';
import { hostile, hostileHandles } from '../../support/hostile';
import { superfansAt } from '../../support/insights';
import { sampleWorld } from '../../support/world';

const END = () => Date.parse(sampleWorld().end);

type Args = SuperfanLeaderboardProps & {
  /** Helper path of the gate: distinct other people helped (default 5). */
  minPeopleHelped: number;
  /** Active weeks needed (scaled to the 30-day sample: 2). */
  minActiveWeeks: number;
};

function Live({ minPeopleHelped, minActiveWeeks, ...props }: Args) {
  const view = superfansAt(END(), { minPeopleHelped, minActiveWeeks });
  return <SuperfanLeaderboard report={view.report} owners={view.owners} {...props} />;
}

/** A report whose member ids are hostile (names come from ids when nothing better is known). */
function hostileReport(): CommunityReport {
  const { report } = superfansAt(END());
  const ids = [
    hostile.markup,
    hostileHandles.rtl,
    hostile.zeroWidth,
    hostileHandles.unbroken,
    hostile.long,
  ];
  return {
    ...report,
    members: report.members.slice(0, ids.length).map((m, i) => ({ ...m, memberId: ids[i]! })),
  };
}

const meta = {
  title: 'Widgets/SuperfanLeaderboard',
  component: SuperfanLeaderboard,
  args: {
    minPeopleHelped: 5,
    minActiveWeeks: 2,
    limit: 20,
    onSelect: fn(),
    onOnlySuperfansChange: fn(),
  },
  argTypes: {
    minPeopleHelped: { control: { type: 'range', min: 1, max: 15, step: 1 } },
    minActiveWeeks: { control: { type: 'range', min: 1, max: 5, step: 1 } },
    limit: { control: { type: 'range', min: 1, max: 100, step: 1 } },
    sortBy: {
      control: 'select',
      options: ['score', 'helpfulness', 'intelligence', 'presence', 'recency'],
    },
    report: { control: false },
    owners: { control: false },
    loading: { control: 'boolean' },
    error: { control: 'text' },
  },
  render: (args) => <Live {...args} />,
  parameters: {
    docs: {
      description: {
        component: [
          'The community ranked by behaviour — helping other customers, giving feedback, presence, recency — never by',
          'followers: a large audience is shown as a separate flag and does not enter the score. Superfans are the',
          'members who pass the gate (present, and helped several people or gave feedback that was acted on).',
          'Feed it `detectSuperfans(interactions, { now })` and owners from `planCapacity`. The controls change the',
          'gate; the sample covers 30 days, so presence and tenure are scaled down from the defaults.',
        ].join(' '),
      },
    },
  },
} satisfies Meta<Args>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Superfans' })).toBeVisible();
    await expect(canvas.getByRole('table')).toBeVisible();
  },
};

/** Raise the helper threshold: fewer people qualify. */
export const StricterGate: Story = {
  args: { minPeopleHelped: 12, defaultOnlySuperfans: true },
  play: async ({ canvasElement }) => {
    const loose = superfansAt(END(), { minPeopleHelped: 1, minActiveWeeks: 2 }).report
      .superfanCount;
    const strict = superfansAt(END(), { minPeopleHelped: 12, minActiveWeeks: 2 }).report
      .superfanCount;
    await expect(strict).toBeLessThanOrEqual(loose);
    await expect(
      within(canvasElement).getByText(new RegExp(`^${strict} superfans among`)),
    ).toBeVisible();
  },
};

/** Only superfans, and selecting a member. */
export const OnlySuperfans: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    await userEvent.click(canvas.getByRole('checkbox', { name: 'Only superfans' }));
    await expect(args.onOnlySuperfansChange).toHaveBeenCalledWith(true);
    const open = canvas.getAllByRole('button', { name: /^Open / })[0]!;
    await userEvent.click(open);
    await expect(args.onSelect).toHaveBeenCalledTimes(1);
  },
};

export const SortedByHelp: Story = { args: { defaultSortBy: 'helpfulness' } };
/** The first 60 members (axe checks every cell, so the story keeps the table to a size it checks quickly). */
export const Dense: Story = { args: { limit: 60 } };
export const Empty: Story = { render: (args) => <SuperfanLeaderboard {...args} report={null} /> };
export const Loading: Story = { render: (args) => <SuperfanLeaderboard {...args} loading /> };
export const ErrorState: Story = {
  name: 'Error',
  render: (args) => <SuperfanLeaderboard {...args} error="The community could not be ranked." />,
};
export const HostileText: Story = {
  render: (args) => <SuperfanLeaderboard {...args} report={hostileReport()} />,
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img, script')).toBeNull();
    await expect(canvasElement.textContent).not.toContain('\u202E');
  },
};
export const DarkTheme: Story = { globals: { theme: 'dark' } };
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  args: { locale: 'ar-EG', labels: { title: 'المعجبون', onlySuperfans: 'المعجبون فقط' } },
};

const title = (t: string) => ({ title: `Superfans: ${t}` });

export const AllStates: Story = {
  parameters: { rapportFrame: false },
  render: () => {
    const view = superfansAt(END());
    return (
      <AllStatesGrid
        columns={1}
        states={[
          {
            name: 'Default',
            node: (
              <SuperfanLeaderboard
                report={view.report}
                owners={view.owners}
                limit={6}
                labels={title('top')}
              />
            ),
          },
          { name: 'Empty', node: <SuperfanLeaderboard report={null} labels={title('empty')} /> },
          { name: 'Loading', node: <SuperfanLeaderboard loading labels={title('loading')} /> },
          {
            name: 'Error',
            node: <SuperfanLeaderboard error="Could not rank." labels={title('error')} />,
          },
        ]}
        dark={<SuperfanLeaderboard report={view.report} limit={4} labels={title('dark')} />}
        rtl={
          <SuperfanLeaderboard
            report={view.report}
            limit={4}
            locale="ar-EG"
            labels={{ title: 'المعجبون' }}
          />
        }
      />
    );
  },
};
