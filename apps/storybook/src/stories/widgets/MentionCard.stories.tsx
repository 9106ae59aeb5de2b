import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Mention } from '@rapport/core';
import { defaultMentionCardLabels, MentionCard } from '@rapport/react';
import { expect, within } from 'storybook/test';
import { AllStatesGrid } from '../../support/AllStates';
import { decided, findMention } from '../../support/conversations';
import { hostile, hostileHandles, rtlText } from '../../support/hostile';
import { expectInert, trapAlerts } from '../../support/inert';
import { departmentNames, HOUR, INCIDENT_NOW, iso, MINUTE, sampleWorld } from '../../support/world';

const NOW = INCIDENT_NOW;

const inIncident = (m: Mention) =>
  Date.parse(m.createdAt) <= NOW && Date.parse(m.createdAt) > NOW - 2 * HOUR;

/** A public delivery complaint written during the courier-hub incident. */
const complaint = () =>
  decided(
    findMention(
      (m) =>
        m.direction === 'inbound' &&
        m.channel === 'public' &&
        inIncident(m) &&
        /parcel|order|deliver/i.test(m.text),
      'delivery complaint during the incident',
    ),
    NOW,
  );
const praise = () =>
  decided(
    findMention((m) => m.direction === 'inbound' && /brilliant|love|thank/i.test(m.text), 'praise'),
    NOW,
  );
const brandReply = () =>
  decided(
    findMention((m) => m.direction === 'outbound' && !m.author.isBot, 'brand reply'),
    NOW,
  );
const privateMessage = () =>
  decided(
    findMention((m) => m.direction === 'inbound' && m.channel === 'private', 'private message'),
    NOW,
  );
const tagged = (tag: string) =>
  decided(
    findMention((m) => m.tags?.includes(tag) ?? false, `mention tagged ${tag}`),
    NOW,
  );

const base = complaint();

const meta = {
  title: 'Widgets/MentionCard',
  component: MentionCard,
  args: {
    mention: base.mention,
    score: base.score,
    routing: base.routing,
    dueAt: iso(NOW + 18 * MINUTE),
    now: NOW,
    departmentNames,
    showReasons: true,
  },
  argTypes: {
    mention: { control: 'object' },
    score: { control: false },
    routing: { control: false },
    now: { control: 'date' },
    showReasons: { control: 'boolean' },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'One message with everything Rapport decided about it: the priority badge and the reasons that add up',
          'to it (sentiment, what it is about, urgency, who can see it, customer value, waiting, repeated contact,',
          'crisis signals), the routing decision and the rule that matched, and the live SLA timer. Pass the',
          'mention, `scoreMention(mention, { now })` and `routeMention(mention)`. User text is always text: links',
          'are only rendered for http(s) URLs. It has no loading or error state of its own (the',
          '`ConversationView` around it has them).',
        ].join(' '),
      },
    },
  },
} satisfies Meta<typeof MentionCard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const card = canvas.getByRole('article');
    await expect(within(card).getByRole('status')).toHaveAccessibleName(
      new RegExp(`^Priority ${base.score.priority} of 100`),
    );
    await expect(within(card).getByRole('timer')).toHaveAttribute('data-status', 'pending');
  },
};

/** Praise: low priority, routed to marketing (it still deserves an answer). */
export const Praise: Story = { args: { ...praise(), dueAt: undefined } };

/** The brand's own reply. */
export const BrandReply: Story = { args: { ...brandReply(), dueAt: undefined } };

/** A private message (email, chat or DM). */
export const PrivateMessage: Story = { args: { ...privateMessage() } };

/** The response is overdue. */
export const Overdue: Story = { args: { dueAt: iso(NOW - 42 * MINUTE) } };

/** A legal threat: the answer needs approval before it goes out. */
export const NeedsApproval: Story = {
  args: { routing: { ...base.routing, needsApproval: 'legal', matchedRule: 'legal-threats' } },
};

/** Without the reasons (a compact list). */
export const WithoutReasons: Story = { args: { showReasons: false } };

/** Empty text: the card still shows who wrote and when. */
export const Empty: Story = { args: { mention: { ...base.mention, text: '' } } };

/** A 4,000-character email from the sample world, and a 5,000-character text. */
export const LongText: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 12 }}>
      <MentionCard {...args} {...tagged('story:long')} />
      <MentionCard {...args} mention={{ ...base.mention, id: 'long-5000', text: hostile.long }} />
    </div>
  ),
};

/**
 * Markup, a `javascript:` link, an RTL override and zero-width characters, all shown as inert text: no element
 * or link is made from them, the markup reads as written, and the overridden handle and text are isolated.
 */
export const HostileText: Story = {
  beforeEach: trapAlerts,
  args: {
    mention: {
      ...base.mention,
      text: [hostile.markup, hostile.scriptLink, hostile.rtlOverride, hostile.zeroWidth].join('\n'),
      url: 'javascript:alert(1)',
      author: { ...base.mention.author, handle: hostileHandles.rtl, name: hostile.markup },
    },
  },
  play: async ({ canvasElement }) => {
    await expectInert(canvasElement, {
      literal: [
        '<img src=x onerror=alert(1)>',
        '<script>alert(2)</script>',
        'javascript:alert(document.cookie)',
      ],
      isolated: ['nimda_laiciffo', 'gnp.exe'],
    });
    const card = within(canvasElement).getByRole('article');
    await expect(card).toHaveAccessibleName(
      'Message from @nimda_laiciffo on ' +
        defaultMentionCardLabels.platforms[base.mention.platform],
    );
  },
};

/** Dense data: a column of 30 cards from the incident. */
export const Dense: Story = {
  render: (args) => (
    <div style={{ display: 'grid', gap: 8 }}>
      {incidentMentions()
        .slice(0, 30)
        .map((m) => (
          <MentionCard
            key={m.id}
            {...args}
            {...decided(m, NOW)}
            dueAt={undefined}
            showReasons={false}
          />
        ))}
    </div>
  ),
};

let incidentPool: Mention[] | undefined;
/** Customer messages of the two hours before the story's moment. */
function incidentMentions(): Mention[] {
  incidentPool ??= sampleWorld().mentions.filter((m) => m.direction === 'inbound' && inIncident(m));
  return incidentPool;
}

export const DarkTheme: Story = { globals: { theme: 'dark' } };

/** Right to left, with an Arabic message from the sample world. */
export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  args: { ...tagged('story:rtl'), locale: 'ar-EG' },
};

export const AllStates: Story = {
  parameters: { rapportFrame: false },
  render: () => (
    <AllStatesGrid
      states={[
        {
          name: 'Complaint',
          node: <MentionCard {...base} dueAt={iso(NOW + 18 * MINUTE)} now={NOW} />,
        },
        { name: 'Praise', node: <MentionCard {...praise()} now={NOW} /> },
        { name: 'Brand reply', node: <MentionCard {...brandReply()} now={NOW} /> },
        {
          name: 'Overdue',
          node: <MentionCard {...privateMessage()} dueAt={iso(NOW - 42 * MINUTE)} now={NOW} />,
        },
      ]}
      dark={<MentionCard {...base} now={NOW} />}
      rtl={
        <MentionCard
          mention={{ ...base.mention, id: 'rtl', text: rtlText.arabic }}
          score={base.score}
          now={NOW}
          locale="ar-EG"
        />
      }
    />
  ),
};
