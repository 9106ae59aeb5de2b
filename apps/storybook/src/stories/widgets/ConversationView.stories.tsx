import type { Meta, StoryObj } from '@storybook/react-vite';
import type { QueueItem } from '@rapport/core';
import { ConversationView, TriageQueue } from '@rapport/react';
import { useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { AllStatesGrid } from '../../support/AllStates';
import { memoryOf } from '../../support/conversations';
import { hostile, hostileHandles, rtlText } from '../../support/hostile';
import { expectInert, trapAlerts } from '../../support/inert';
import {
  departmentNames,
  departments,
  INCIDENT_NOW,
  iso,
  queueOf,
  scoresOf,
  triageAt,
} from '../../support/world';

const NOW = INCIDENT_NOW;

/** Everything the view needs about one open conversation of the incident triage. */
function viewOf(conversationId: string) {
  const triage = triageAt(NOW);
  const item = triage.get(conversationId);
  if (!item) throw new Error(`No conversation ${conversationId} in the sample triage.`);
  return {
    conversation: item.conversation,
    routing: item.routing,
    sla: triage.sla(conversationId, iso(NOW)),
    flags: item.flags,
    scores: scoresOf(item.conversation, NOW),
    memory: memoryOf(item.conversation.customer.id, NOW),
    departmentNames,
    now: NOW,
  };
}

let rows: QueueItem[] | undefined;
const queue = () => (rows ??= queueOf(triageAt(NOW), NOW));
/** The most urgent open conversation with at least two messages (a real thread). */
const threadId = () =>
  (
    queue().find(
      (r) => (triageAt(NOW).get(r.conversationId)?.conversation.mentions.length ?? 0) >= 2,
    ) ?? queue()[0]!
  ).conversationId;
/** The open conversation with the longest thread. */
const longestId = () =>
  [...queue()].sort(
    (a, b) =>
      (triageAt(NOW).get(b.conversationId)?.conversation.mentions.length ?? 0) -
      (triageAt(NOW).get(a.conversationId)?.conversation.mentions.length ?? 0),
  )[0]!.conversationId;
/** An open conversation whose customer is flagged for gentle handling, if the sample has one. */
const flaggedId = () => (queue().find((r) => r.flags.length > 0) ?? queue()[0]!).conversationId;

const meta = {
  title: 'Widgets/ConversationView',
  component: ConversationView,
  args: { departmentNames, now: NOW },
  argTypes: {
    conversation: { control: false },
    scores: { control: false },
    routing: { control: false },
    sla: { control: false },
    memory: { control: false },
    flags: { control: false },
    now: { control: 'date' },
    loading: { control: 'boolean' },
    error: { control: 'text' },
  },
  render: (args) => <ConversationView {...viewOf(threadId())} {...args} />,
  parameters: {
    docs: {
      description: {
        component: [
          'The whole thread with a customer, oldest first, each customer message with its priority reasons; the',
          'routing decision; every SLA clock (first response, next response, resolution, public acknowledgement)',
          'live; care flags (repeat complainant, irate) with what went wrong before; and the relationship memory',
          '(last hiccup, last celebration, open promises, next personal touch). Feed it `triage.get(id)`,',
          '`triage.sla(id, now)` and `relationshipMemory(...)`.',
        ].join(' '),
      },
    },
  },
} satisfies Meta<typeof ConversationView>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('heading', { level: 2 })).toHaveTextContent(/^Conversation with/);
    await expect(canvas.getAllByRole('article').length).toBeGreaterThanOrEqual(2);
    await expect(canvas.getAllByRole('timer').length).toBeGreaterThan(0);
  },
};

/** A customer flagged for gentle handling. */
export const HandleWithCare: Story = {
  render: (args) => <ConversationView {...viewOf(flaggedId())} {...args} />,
};

/** The longest open thread of the sample. */
export const Dense: Story = {
  render: (args) => <ConversationView {...viewOf(longestId())} {...args} />,
};

/** Pick a conversation in the queue (Enter or double click) and it opens beside it. */
export const OpenFromTheQueue: Story = {
  render: function OpenFromQueue(args) {
    const [openId, setOpenId] = useState<string | null>(null);
    return (
      <div
        style={{ display: 'grid', gridTemplateColumns: 'minmax(0, 3fr) minmax(0, 2fr)', gap: 12 }}
      >
        <TriageQueue
          rows={queue()}
          departments={departments}
          now={NOW}
          height={420}
          onOpen={(item) => setOpenId(item.conversationId)}
        />
        <ConversationView {...args} {...(openId ? viewOf(openId) : { conversation: null })} />
      </div>
    );
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByText('No conversation selected.')).toBeVisible();
    const grid = canvas.getByRole('grid', { name: 'Triage queue' });
    grid.focus();
    await userEvent.keyboard('{Enter}');
    const first = queue()[0]!;
    const heading = await canvas.findByRole('heading', { level: 2 });
    await expect(heading).toHaveTextContent(first.customer.handle || first.customer.id);
  },
};

export const Empty: Story = {
  render: (args) => <ConversationView {...args} conversation={null} />,
};
export const Loading: Story = { render: (args) => <ConversationView {...args} loading /> };
export const ErrorState: Story = {
  name: 'Error',
  render: (args) => (
    <ConversationView {...args} error="The conversation could not be loaded (403)." />
  ),
};

/** A thread full of hostile text renders inertly; the customer's overridden handle is isolated, heading included. */
export const HostileText: Story = {
  beforeEach: trapAlerts,
  render: (args) => {
    const view = viewOf(threadId());
    // The override second: even a two-message thread shows it (and the markup).
    const texts = [
      hostile.markup,
      hostile.rtlOverride,
      hostile.scriptLink,
      hostile.zeroWidth,
      hostile.long,
    ];
    const mentions = view.conversation.mentions.map((m, i) => ({
      ...m,
      text: texts[i % texts.length]!,
      url: 'javascript:alert(1)',
      author:
        m.direction === 'inbound'
          ? { ...m.author, handle: hostileHandles.rtl, name: hostile.markup }
          : m.author,
    }));
    return (
      <ConversationView
        {...view}
        {...args}
        conversation={{ ...view.conversation, mentions, customer: mentions[0]!.author }}
      />
    );
  },
  play: async ({ canvasElement }) => {
    await expectInert(canvasElement, {
      literal: ['<img src=x onerror=alert(1)>', '<script>alert(2)</script>'],
      isolated: ['nimda_laiciffo', 'gnp.exe'],
    });
    const heading = within(canvasElement).getByRole('heading', { level: 2 });
    await expect(heading).toHaveTextContent('Conversation with @nimda_laiciffo');
    await expect(heading.querySelector('bdi')).toHaveTextContent('@nimda_laiciffo');
  },
};

export const DarkTheme: Story = { globals: { theme: 'dark' } };

export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  render: (args) => {
    const view = viewOf(threadId());
    const mentions = view.conversation.mentions.map((m, i) =>
      m.direction === 'inbound' ? { ...m, text: i % 2 ? rtlText.hebrew : rtlText.arabic } : m,
    );
    return (
      <ConversationView
        {...view}
        {...args}
        locale="ar-EG"
        conversation={{ ...view.conversation, mentions }}
      />
    );
  },
};

export const AllStates: Story = {
  parameters: { rapportFrame: false },
  render: () => (
    <AllStatesGrid
      states={[
        { name: 'Default', node: <ConversationView {...viewOf(threadId())} /> },
        { name: 'Handle with care', node: <ConversationView {...viewOf(flaggedId())} /> },
        {
          name: 'Empty',
          node: <ConversationView conversation={null} labels={{ pane: 'Conversation (empty)' }} />,
        },
        {
          name: 'Loading',
          node: <ConversationView loading labels={{ pane: 'Conversation (loading)' }} />,
        },
        {
          name: 'Error',
          node: (
            <ConversationView
              error="The conversation could not be loaded."
              labels={{ pane: 'Conversation (error)' }}
            />
          ),
        },
      ]}
      dark={<ConversationView {...viewOf(longestId())} />}
      rtl={<ConversationView {...viewOf(queue()[2]!.conversationId)} locale="ar-EG" />}
    />
  ),
};
