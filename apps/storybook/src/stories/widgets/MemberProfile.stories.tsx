import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Interaction, MemberReport } from '@rapport/core';
import { MemberProfile } from '@rapport/react';
import { expect, within } from 'storybook/test';
import { AllStatesGrid } from '../../support/AllStates';
import { memoryOf } from '../../support/conversations';
import { hostile, hostileHandles } from '../../support/hostile';
import { sampleInteractionsBatch, superfansAt } from '../../support/insights';
import { sampleWorld } from '../../support/world';

const END = () => Date.parse(sampleWorld().end);

let byId: Record<string, Interaction> | undefined;
const interactionsById = () =>
  (byId ??= Object.fromEntries(sampleInteractionsBatch().interactions.map((i) => [i.id, i])));

const top = (): MemberReport => superfansAt(END()).report.members[0]!;
const quiet = (): MemberReport => {
  const members = superfansAt(END()).report.members;
  return members[Math.floor(members.length / 2)]!;
};
const profileOf = (member: MemberReport) => ({
  member,
  memory: memoryOf(member.memberId, END()),
  owner: superfansAt(END()).owners[member.memberId],
  interactions: interactionsById(),
});

const meta = {
  title: 'Widgets/MemberProfile',
  component: MemberProfile,
  args: { evidenceLimit: 5 },
  argTypes: {
    evidenceLimit: { control: { type: 'range', min: 0, max: 20, step: 1 } },
    member: { control: false },
    memory: { control: false },
    interactions: { control: false },
    loading: { control: 'boolean' },
    error: { control: 'text' },
  },
  render: (args) => <MemberProfile {...profileOf(top())} {...args} />,
  parameters: {
    docs: {
      description: {
        component: [
          'One member of the community as a person: each sub-score (depth, presence, helps others, feedback,',
          'recency, tenure) with the interactions behind it, the superfan gate and which checks passed, who holds',
          'the relationship, and what to remember (last hiccup, last celebration, open promises, next personal',
          'touch). Reach is shown apart and never scored. Feed it a member of `detectSuperfans`, its',
          '`relationshipMemory` and the interactions by id.',
        ].join(' '),
      },
    },
  },
} satisfies Meta<typeof MemberProfile>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('heading', { level: 2 })).toBeVisible();
  },
};
/** A member from the middle of the ranking: not a superfan, and the gate says why. */
export const NotASuperfan: Story = {
  render: (args) => <MemberProfile {...profileOf(quiet())} {...args} />,
};
export const WithoutOwner: Story = {
  render: (args) => <MemberProfile {...profileOf(top())} owner={undefined} {...args} />,
};
export const Dense: Story = { args: { evidenceLimit: 50 } };
export const Empty: Story = { render: (args) => <MemberProfile {...args} member={null} /> };
export const Loading: Story = { render: (args) => <MemberProfile {...args} loading /> };
export const ErrorState: Story = {
  name: 'Error',
  render: (args) => <MemberProfile {...args} error="This member could not be loaded." />,
};
export const HostileText: Story = {
  render: (args) => {
    const p = profileOf(top());
    const interactions = Object.fromEntries(
      Object.entries(p.interactions).map(([id, i]) => [id, { ...i, text: hostile.markup }]),
    );
    return (
      <MemberProfile
        {...p}
        {...args}
        member={{ ...p.member, memberId: hostileHandles.rtl }}
        owner={hostile.zeroWidth}
        interactions={interactions}
      />
    );
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img, script')).toBeNull();
    await expect(canvasElement.textContent).not.toContain('\u202E');
  },
};
export const DarkTheme: Story = { globals: { theme: 'dark' } };
export const RightToLeft: Story = { globals: { dir: 'rtl' }, args: { locale: 'ar-EG' } };

const third = (): MemberReport => superfansAt(END()).report.members[2]!;
/** Another member than `quiet()`: one person shown twice would be two landmarks with the same name. */
const quietToo = (): MemberReport => {
  const members = superfansAt(END()).report.members;
  return members[Math.floor(members.length / 2) + 1]!;
};

export const AllStates: Story = {
  parameters: {
    rapportFrame: false,
  },
  render: () => (
    <AllStatesGrid
      states={[
        { name: 'Superfan', node: <MemberProfile {...profileOf(top())} /> },
        { name: 'Not a superfan', node: <MemberProfile {...profileOf(quiet())} /> },
        {
          name: 'Empty',
          node: <MemberProfile member={null} labels={{ title: 'Member (empty)' }} />,
        },
        { name: 'Loading', node: <MemberProfile loading labels={{ title: 'Member (loading)' }} /> },
        {
          name: 'Error',
          node: <MemberProfile error="Could not load." labels={{ title: 'Member (error)' }} />,
        },
      ]}
      dark={<MemberProfile {...profileOf(third())} />}
      rtl={<MemberProfile {...profileOf(quietToo())} locale="ar-EG" />}
    />
  ),
};
