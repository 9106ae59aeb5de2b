import type { Meta, StoryObj } from '@storybook/react-vite';
import { ScoreBadge } from '@rapport/react';
import { expect, within } from 'storybook/test';
import { Frame } from '../../support/decorators';

const meta = {
  title: 'Widgets/ScoreBadge',
  component: ScoreBadge,
  args: { priority: 82 },
  argTypes: {
    priority: { control: { type: 'range', min: 0, max: 100, step: 1 } },
    band: { control: 'select', options: [undefined, 'critical', 'high', 'normal', 'low'] },
    label: { control: 'text' },
  },
  parameters: {
    docs: {
      description: {
        component: [
          "A mention's priority (0–100) and its band: **critical** from 75, **high** from 50, **normal** from 25,",
          '**low** below. It is a `status`, so screen readers announce it politely; the visible number and band',
          'are hidden from them so they hear one sentence ("Priority 82 of 100, Critical").',
          '',
          'Pass the `priority` and `band` from `scoreMention(...)`; without `band` it is derived from the priority.',
          'Out-of-range and non-finite priorities are clamped (NaN shows 0), so it never shows NaN. Colours come',
          'from `--rapport-critical`, `--rapport-high`, `--rapport-normal` and `--rapport-low`.',
          'It has no loading, empty or error state: it only ever shows a number it was given.',
        ].join(' '),
      },
    },
  },
} satisfies Meta<typeof ScoreBadge>;

export default meta;
type Story = StoryObj<typeof meta>;

/** A critical mention. Drag the slider to move through the bands. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const badge = within(canvasElement).getByRole('status');
    await expect(badge).toHaveAccessibleName('Priority 82 of 100, Critical');
    await expect(badge).toHaveAttribute('data-band', 'critical');
  },
};

export const High: Story = { args: { priority: 60 } };
export const Normal: Story = { args: { priority: 30 } };
export const Low: Story = { args: { priority: 12 } };

/** The band given by the core wins over the one derived from the number (e.g. a crisis override). */
export const BandOverride: Story = { args: { priority: 40, band: 'critical' } };

/** Out-of-range and non-finite input is clamped for display: never "NaN" or "150". */
export const OutOfRange: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: 8 }}>
      <ScoreBadge priority={Number.NaN} />
      <ScoreBadge priority={150} />
      <ScoreBadge priority={-5} />
      <ScoreBadge priority={Number.POSITIVE_INFINITY} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const text = canvasElement.textContent ?? '';
    await expect(text).not.toContain('NaN');
    await expect(text).not.toContain('150');
    const names = within(canvasElement)
      .getAllByRole('status')
      .map((el) => el.getAttribute('aria-label'));
    await expect(names).toEqual([
      'Priority 0 of 100, Low',
      'Priority 100 of 100, Critical',
      'Priority 0 of 100, Low',
      'Priority 0 of 100, Low',
    ]);
  },
};

/** Every visible and spoken word can be translated. */
export const Translated: Story = {
  args: {
    priority: 55,
    label: 'Priorité {priority} sur 100, {band}',
    bandLabels: { critical: 'Critique', high: 'Haute', normal: 'Normale', low: 'Basse' },
  },
};

/** Long translated band names stay on one badge without breaking the layout. */
export const LongLabels: Story = {
  args: {
    priority: 91,
    bandLabels: { critical: 'Dringend – sofort bearbeiten, Kunde wartet öffentlich' },
  },
};

export const DarkTheme: Story = { globals: { theme: 'dark' } };

export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  args: {
    priority: 77,
    label: 'الأولوية {priority} من 100، {band}',
    bandLabels: { critical: 'حرجة', high: 'عالية', normal: 'عادية', low: 'منخفضة' },
  },
};

/** Dense data: a hundred badges in a row, as in a long queue. */
export const Dense: Story = {
  render: () => (
    <div style={{ display: 'flex', flexWrap: 'wrap', gap: 4 }}>
      {Array.from({ length: 101 }, (_, p) => (
        <ScoreBadge key={p} priority={p} />
      ))}
    </div>
  ),
};

const bands = [92, 60, 30, 5];

export const AllStates: Story = {
  parameters: { rapportFrame: false },
  render: () => (
    <div style={{ display: 'grid', gap: 12 }}>
      {(['light', 'dark'] as const).map((theme) =>
        (['ltr', 'rtl'] as const).map((dir) => (
          <Frame key={`${theme}-${dir}`} theme={theme} dir={dir} caption={`${theme}, ${dir}`}>
            <div style={{ display: 'flex', gap: 8, flexWrap: 'wrap' }}>
              {bands.map((p) => (
                <ScoreBadge key={p} priority={p} />
              ))}
              <ScoreBadge priority={Number.NaN} />
            </div>
          </Frame>
        )),
      )}
    </div>
  ),
};
