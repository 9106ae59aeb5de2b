import type { Meta, StoryObj } from '@storybook/react-vite';
import { SpikeAlert } from '@rapport/react';
import { expect, fn, userEvent, within } from 'storybook/test';
import { AllStatesGrid } from '../../support/AllStates';
import { deliverySpike, negativeShareSpike } from '../../support/fixtures';
import { deliverySpikeAt } from '../../support/insights';
import { INCIDENT_NOW } from '../../support/world';
import { hostile, rtlText } from '../../support/hostile';

const departmentNames = {
  service: 'Customer service',
  product: 'Product',
  sales: 'Sales',
  logistics: 'Logistics',
  hr: 'HR',
  marketing: 'Marketing',
};

const meta = {
  title: 'Widgets/SpikeAlert',
  component: SpikeAlert,
  args: { spike: deliverySpike, departmentNames, onOpen: fn(), onDismiss: fn() },
  argTypes: {
    spike: { control: 'object' },
    loading: { control: 'boolean' },
    error: { control: 'text' },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'A spike explained in words: severity 1–10, observed vs expected, when it started, the words that stand',
          'out, and the department that should look. Pass a spike from `detectSpikes(series)` or the streaming',
          'detector. It is an `alert`, so it is announced when it appears. "Show mentions" and "Dismiss" appear',
          'only when `onOpen` / `onDismiss` are given. Reasons and terms come from user text and are shown as text.',
        ].join(' '),
      },
    },
  },
} satisfies Meta<typeof SpikeAlert>;

export default meta;
type Story = StoryObj<typeof meta>;

/** The delivery incident: five times the usual volume, mostly negative, routed to logistics. */
export const Default: Story = {
  play: async ({ canvasElement, args }) => {
    const canvas = within(canvasElement);
    const alert = canvas.getByRole('alert');
    await expect(alert).toHaveTextContent('98 mentions where about 19.6 were expected');
    await expect(alert).toHaveTextContent('Who should look: Logistics');
    await userEvent.click(canvas.getByRole('button', { name: 'Show mentions' }));
    await expect(args.onOpen).toHaveBeenCalledTimes(1);
    await userEvent.click(canvas.getByRole('button', { name: 'Dismiss' }));
    await expect(args.onDismiss).toHaveBeenCalledTimes(1);
  },
};

/**
 * The spike the core itself finds in the sample world's courier-hub incident (`detectSpikes` on the hourly
 * series, explained by `explainSpike`): flagged overnight, routed to logistics.
 */
export const FromTheSampleWorld: Story = {
  render: (args) => <SpikeAlert {...args} spike={deliverySpikeAt(INCIDENT_NOW) ?? null} />,
  play: async ({ canvasElement }) => {
    await expect(within(canvasElement).getByRole('alert')).toHaveTextContent(
      'Who should look: Logistics',
    );
  },
};

/** A slow burn on the negative share rather than on volume. */
export const NegativeShare: Story = { args: { spike: negativeShareSpike } };

/** Read-only: without handlers there are no buttons. */
export const WithoutActions: Story = { args: { onOpen: undefined, onDismiss: undefined } };

export const Empty: Story = { args: { spike: null } };
export const Loading: Story = { args: { loading: true } };
export const ErrorState: Story = {
  name: 'Error',
  args: { error: 'Spike detection failed: the series has a gap.' },
};

/** Many reasons and terms (only the first eight terms are listed). */
export const Dense: Story = {
  args: {
    spike: {
      ...deliverySpike,
      reasons: [...deliverySpike.reasons, ...deliverySpike.reasons.map((r) => `Earlier: ${r}`)],
      topTerms: Array.from({ length: 20 }, (_, i) => ({
        term: `term${i + 1}`,
        count: 40 - i,
        lift: 6 - i / 5,
      })),
    },
  },
};

/** Reasons and terms written by hostile users render inertly. */
export const HostileText: Story = {
  args: {
    spike: {
      ...deliverySpike,
      reasons: [
        hostile.markup,
        hostile.scriptLink,
        hostile.rtlOverride,
        hostile.zeroWidth,
        hostile.long,
      ],
      topTerms: [
        { term: '<img src=x onerror=alert(1)>', count: 12, lift: 9 },
        { term: 'javascript:alert(1)', count: 8, lift: 7 },
        { term: '\u202Etxt.exe', count: 5, lift: 4 },
      ],
      department: '<b>logistics</b>',
    },
    departmentNames: {},
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img, script, b, a[href^="javascript"]')).toBeNull();
    await expect(canvasElement.textContent).not.toContain('\u202E');
  },
};

export const DarkTheme: Story = { globals: { theme: 'dark' } };

export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  args: {
    locale: 'ar-EG',
    spike: {
      ...deliverySpike,
      reasons: [rtlText.arabic],
      topTerms: [{ term: 'الطرد', count: 41, lift: 6.2 }],
    },
    departmentNames: { logistics: 'الخدمات اللوجستية' },
    labels: {
      title: { volume: 'ارتفاع غير عادي (الشدة {severity})' },
      volume: '{observed} إشارة بدلاً من نحو {expected}',
      since: 'منذ {start}',
      department: 'من يجب أن ينظر: {department}',
      terms: 'كلمات بارزة',
      open: 'عرض الإشارات',
      dismiss: 'تجاهل',
    },
  },
};

export const AllStates: Story = {
  parameters: { rapportFrame: false },
  render: () => (
    <AllStatesGrid
      states={[
        {
          name: 'Volume spike',
          node: <SpikeAlert spike={deliverySpike} departmentNames={departmentNames} />,
        },
        {
          name: 'Negative share',
          node: <SpikeAlert spike={negativeShareSpike} departmentNames={departmentNames} />,
        },
        { name: 'Empty', node: <SpikeAlert spike={null} /> },
        { name: 'Loading', node: <SpikeAlert loading /> },
        { name: 'Error', node: <SpikeAlert error="Spike detection failed." /> },
      ]}
      dark={<SpikeAlert spike={deliverySpike} departmentNames={departmentNames} />}
      rtl={
        <SpikeAlert
          locale="ar-EG"
          spike={{ ...deliverySpike, reasons: [rtlText.arabic] }}
          departmentNames={{ logistics: 'الخدمات اللوجستية' }}
        />
      }
    />
  ),
};
