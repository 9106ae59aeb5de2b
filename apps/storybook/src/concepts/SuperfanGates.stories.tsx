import type { Meta, StoryObj } from '@storybook/react-vite';
import type { StaffMember } from '@rapport/core';
import { CapacityGauge } from '@rapport/react';
import { useState } from 'react';
import { expect, fireEvent, waitFor, within } from 'storybook/test';
import { SAMPLE_GATE, superfansAt } from '../support/insights';
import { sampleWorld } from '../support/world';
import { Columns, Field } from './ui';

/** `fte` full-time equivalents as people: whole-time members of the team, then one part-timer for the rest. */
function teamOf(fte: number): StaffMember[] {
  const team: StaffMember[] = [];
  for (let k = 1; k <= Math.floor(fte); k++)
    team.push({ id: `team-${k}`, name: `Community team ${k}` });
  const part = fte - Math.floor(fte);
  if (part > 0)
    team.push({ id: 'team-part', name: 'Community team (part time)', commitment: part });
  return team;
}

/** The superfan gate on the sample community, with its thresholds as sliders. */
function GatePlayground() {
  const [minPeopleHelped, setHelped] = useState(5);
  const [minFeedback, setFeedback] = useState(3);
  const [minActiveWeeks, setWeeks] = useState(SAMPLE_GATE.minActiveWeeks ?? 2);
  const [staff, setStaff] = useState(1.5);
  const end = Date.parse(sampleWorld().end);
  const { report, plan } = superfansAt(
    end,
    { minPeopleHelped, minFeedback, minActiveWeeks },
    teamOf(staff),
  );
  const shown = report.members.slice(0, 8);
  return (
    <Columns>
      <form style={{ display: 'grid', gap: 12 }} onSubmit={(e) => e.preventDefault()}>
        <Field label={`Helper path: other people helped (${minPeopleHelped})`}>
          <input
            type="range"
            min={1}
            max={15}
            value={minPeopleHelped}
            onChange={(e) => setHelped(Number(e.target.value))}
          />
        </Field>
        <Field label={`Informant path: feedback items given (${minFeedback})`}>
          <input
            type="range"
            min={1}
            max={10}
            value={minFeedback}
            onChange={(e) => setFeedback(Number(e.target.value))}
          />
        </Field>
        <Field label={`Presence: active weeks (${minActiveWeeks})`}>
          <input
            type="range"
            min={1}
            max={5}
            value={minActiveWeeks}
            onChange={(e) => setWeeks(Number(e.target.value))}
          />
        </Field>
        <Field label={`Staff committed to relationships (${staff})`}>
          <input
            type="range"
            min={0}
            max={4}
            step={0.5}
            value={staff}
            onChange={(e) => setStaff(Number(e.target.value))}
          />
        </Field>
        <p data-testid="gate-summary" role="status" style={{ margin: 0 }}>
          {report.superfanCount} superfans among {report.members.length.toLocaleString('en-US')}{' '}
          members. {plan.summary}.
        </p>
        <CapacityGauge
          held={plan.assignments.length}
          staff={staff}
          uncovered={plan.uncovered.length}
        />
      </form>
      <table style={{ borderCollapse: 'collapse' }}>
        <caption style={{ textAlign: 'start', fontWeight: 600, padding: '4px 0' }}>
          The gate, check by check, for the eight highest-ranked members
        </caption>
        <thead>
          <tr>
            <th scope="col" style={{ textAlign: 'start' }}>
              Member
            </th>
            <th scope="col" style={{ textAlign: 'start' }}>
              Gate
            </th>
            <th scope="col" style={{ textAlign: 'start' }}>
              Checks
            </th>
          </tr>
        </thead>
        <tbody>
          {shown.map((m) => (
            <tr
              key={m.memberId}
              style={{ borderTop: '1px solid var(--rapport-border)', verticalAlign: 'top' }}
            >
              <th scope="row" style={{ textAlign: 'start', fontWeight: 400, paddingInlineEnd: 8 }}>
                <bdi>{m.name ?? m.memberId}</bdi>
                {m.amplifier ? ' (large audience, not scored)' : ''}
              </th>
              <td style={{ paddingInlineEnd: 8 }}>{m.gate.passed ? 'Superfan' : 'Not yet'}</td>
              <td>
                <ul style={{ margin: 0, paddingInlineStart: 16 }}>
                  {m.gate.checks.map((c) => (
                    <li key={c.name}>
                      {c.passed ? '✓' : '✗'} {c.detail}
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </Columns>
  );
}

const meta = {
  title: 'Concepts/Superfan gates',
  component: GatePlayground,
  parameters: {
    docs: {
      description: {
        component: `
Superfans are sources of intelligence, not influencers: the customers who come back, **help other customers** and
**tell the company what to fix**. \`detectSuperfans(interactions, { now })\` ranks every member by behaviour
(depth, presence, help, feedback, recency, tenure; followers never count) and then applies an absolute **gate**
with two paths: present in enough weeks AND (helped several different people on several days OR gave feedback
that a team acted on) AND long enough in the community AND no abuse. A complaint is not abuse.

Each member's gate lists its checks in words, so a community manager can see why someone is or is not a superfan.
\`planCapacity(report, staff)\` then fits the list to the people who will hold the relationships: about **150 per
person** committed online. The sample covers 30 days, so presence and tenure are scaled down from the defaults
(13 active weeks of 26 and 60 days).`,
      },
    },
  },
} satisfies Meta<typeof GatePlayground>;

export default meta;
type Story = StoryObj<typeof meta>;

const count = (el: HTMLElement) =>
  Number(/^(\d+) superfans/.exec(within(el).getByTestId('gate-summary').textContent ?? '')?.[1]);

export const Playground: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const before = count(canvasElement);
    await expect(before).toBeGreaterThan(0);
    // Range inputs are set directly (dragging a slider is not what is being tested).
    fireEvent.change(canvas.getByRole('slider', { name: /Presence: active weeks/ }), {
      target: { value: '5' },
    });
    await waitFor(() => expect(count(canvasElement)).toBeLessThan(before));
    fireEvent.change(canvas.getByRole('slider', { name: /Staff committed/ }), {
      target: { value: '0' },
    });
    await expect(canvas.getByText('No staff committed to relationships yet.')).toBeVisible();
  },
};
