import type { Meta, StoryObj } from '@storybook/react-vite';
import { checkVanity, presetGoalTree, type GoalTree } from '@rapport/core';
import { useMemo, useState } from 'react';
import { expect, userEvent, within } from 'storybook/test';
import { Columns } from './ui';

const full = presetGoalTree({ departments: ['marketing'], owner: 'Head of marketing' });

/** Pick which marketing KPIs measure the objective; the guard reacts. */
function VanityPlayground() {
  const outputs = full.kpis.filter((k) => k.level === 'output').map((k) => k.id);
  const [chosen, setChosen] = useState<string[]>(outputs);
  const tree: GoalTree = useMemo(
    () => ({ ...full, kpis: full.kpis.filter((k) => chosen.includes(k.id)) }),
    [chosen],
  );
  const { warnings, vanityObjectives } = checkVanity(tree);
  const toggle = (id: string) =>
    setChosen((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id]));
  return (
    <Columns>
      <fieldset style={{ border: '1px solid var(--rapport-border)', borderRadius: 8 }}>
        <legend style={{ fontWeight: 600 }}>KPIs of the marketing objective</legend>
        {full.kpis.map((k) => (
          <label key={k.id} style={{ display: 'block', margin: '4px 0' }}>
            <input type="checkbox" checked={chosen.includes(k.id)} onChange={() => toggle(k.id)} />{' '}
            {k.name} <small style={{ color: 'var(--rapport-muted)' }}>({k.level})</small>
          </label>
        ))}
      </fieldset>
      <section aria-label="What the guard says">
        <p role="status" data-testid="verdict" style={{ fontWeight: 600 }}>
          {vanityObjectives.length > 0
            ? 'Vanity: this objective is measured only by outputs.'
            : 'OK: at least one KPI measures an outcome for the business.'}
        </p>
        <ul>
          {warnings.map((w, i) => (
            <li key={i}>
              <code>{w.code}</code>: {w.message}
            </li>
          ))}
        </ul>
      </section>
    </Columns>
  );
}

const meta = {
  title: 'Concepts/The vanity-metric guard',
  component: VanityPlayground,
  parameters: {
    docs: {
      description: {
        component: `
Likes, followers, impressions and post counts show effort and reach, never whether the business moved. In AMEC's
chain (input → activity → output → out-take → outcome → impact) they are **outputs**. \`checkVanity(tree)\` (and
\`evaluateGoals\`, which runs it) flags an objective whose only KPIs are inputs, activities or outputs, and warns
about other weak measurement: a target at another level than its KPI, a cumulative count used as a KPI, an
advertising-value-equivalent metric, a KPI with no owner.

Start with the output-only marketing objective below, then tick an outcome KPI (share of voice, amplification
that leads somewhere…) and watch the warning go.`,
      },
    },
  },
} satisfies Meta<typeof VanityPlayground>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByTestId('verdict')).toHaveTextContent(/^Vanity/);
    const outcome = full.kpis.find(
      (k) => k.level !== 'output' && k.level !== 'input' && k.level !== 'activity',
    );
    if (outcome) {
      await userEvent.click(
        canvas.getByRole('checkbox', {
          name: new RegExp(outcome.name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')),
        }),
      );
      await expect(canvas.getByTestId('verdict')).toHaveTextContent(/^OK/);
    }
  },
};
