import type { Meta, StoryObj } from '@storybook/react-vite';
import type { Agent, DepartmentLoad } from '@rapport/core';
import { DepartmentBoard } from '@rapport/react';
import { expect, within } from 'storybook/test';
import { AllStatesGrid } from '../../support/AllStates';
import { hostile } from '../../support/hostile';
import {
  agentLoadOf,
  agents,
  departments,
  INCIDENT_NOW,
  iso,
  ORDINARY_NOW,
  queueOf,
  triageAt,
} from '../../support/world';

const boardAt = (now: number) => {
  const triage = triageAt(now);
  return { workload: triage.workload(iso(now)), agentLoad: agentLoadOf(queueOf(triage, now)) };
};

/** Twenty departments and a hundred agents, for the dense story. */
function denseBoard() {
  const manyDepartments = Array.from({ length: 20 }, (_, i) => ({
    id: `d${i}`,
    name: `Region ${i + 1} care`,
  }));
  const manyAgents: Agent[] = Array.from({ length: 100 }, (_, i) => ({
    id: `agent-${i}`,
    name: `Agent ${i + 1}`,
    departments: [`d${i % 20}`],
    online: i % 7 !== 0,
    capacity: 10,
  }));
  const workload: DepartmentLoad[] = manyDepartments.map((d, i) => ({
    department: d.id,
    open: 20 + ((i * 13) % 60),
    unassigned: (i * 7) % 15,
    breached: (i * 5) % 9,
    agentsOnline: 4,
    capacity: 40,
    assigned: 20 + ((i * 13) % 60) - ((i * 7) % 15),
    overloaded: 20 + ((i * 13) % 60) > 40,
  }));
  const agentLoad = Object.fromEntries(manyAgents.map((a, i) => [a.id, (i * 3) % 12]));
  return { departments: manyDepartments, agents: manyAgents, workload, agentLoad };
}

const meta = {
  title: 'Widgets/DepartmentBoard',
  component: DepartmentBoard,
  args: { ...boardAt(INCIDENT_NOW), departments, agents },
  argTypes: {
    workload: { control: 'object' },
    agents: { control: 'object' },
    departments: { control: false },
    agentLoad: { control: 'object' },
    loading: { control: 'boolean' },
    error: { control: 'text' },
  },
  parameters: {
    docs: {
      description: {
        component: [
          'Open work per department against what its online agents can hold, with unassigned and breached counts,',
          'an "overloaded" flag, and each agent\'s load. Social care is the whole business: service, product,',
          'sales, logistics, HR, and marketing last. Feed it `triage.workload(now)`. Here: the sample world during',
          'the courier-hub incident, when logistics is swamped.',
        ].join(' '),
      },
    },
  },
} satisfies Meta<typeof DepartmentBoard>;

export default meta;
type Story = StoryObj<typeof meta>;

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(canvas.getByRole('region', { name: 'Load by department' })).toBeVisible();
    await expect(canvas.getAllByRole('meter').length).toBeGreaterThanOrEqual(departments.length);
    await expect(canvas.getAllByText(/Overloaded/).length).toBeGreaterThan(0);
  },
};

/** An ordinary afternoon before the incident. */
export const OrdinaryDay: Story = { args: { ...boardAt(ORDINARY_NOW) } };

export const Empty: Story = { args: { workload: [] } };
export const Loading: Story = { args: { loading: true } };
export const ErrorState: Story = {
  name: 'Error',
  args: { error: 'Workload could not be loaded.' },
};
export const Dense: Story = { args: denseBoard() };

/** Department and agent names from configuration, hostile or very long, stay text. */
export const HostileText: Story = {
  args: {
    departments: departments.map((d, i) => ({
      ...d,
      name: i === 0 ? hostile.markup : i === 1 ? hostile.rtlOverride : d.name,
    })),
    agents: agents.map((a, i) => ({
      ...a,
      name: i === 0 ? hostile.long : i === 1 ? hostile.zeroWidth : a.name,
    })),
  },
  play: async ({ canvasElement }) => {
    await expect(canvasElement.querySelector('img, script')).toBeNull();
    await expect(canvasElement.textContent).not.toContain('\u202E');
  },
};

export const DarkTheme: Story = { globals: { theme: 'dark' } };

export const RightToLeft: Story = {
  globals: { dir: 'rtl' },
  args: {
    locale: 'ar-EG',
    departments: departments.map((d) => ({
      ...d,
      name:
        (
          {
            service: 'خدمة العملاء',
            product: 'المنتج',
            sales: 'المبيعات',
            logistics: 'الخدمات اللوجستية',
            hr: 'الموارد البشرية',
            marketing: 'التسويق',
          } as Record<string, string>
        )[d.id] ?? d.name,
    })),
    labels: { title: 'الحمل حسب القسم', overloaded: 'مثقل', agents: 'الموظفون' },
  },
};

const title = (name: string) => ({ title: `Load by department: ${name}` });

export const AllStates: Story = {
  parameters: { rapportFrame: false },
  render: () => (
    <AllStatesGrid
      states={[
        {
          name: 'Incident',
          node: (
            <DepartmentBoard
              {...boardAt(INCIDENT_NOW)}
              departments={departments}
              agents={agents}
              labels={title('incident')}
            />
          ),
        },
        {
          name: 'Ordinary day',
          node: (
            <DepartmentBoard
              {...boardAt(ORDINARY_NOW)}
              departments={departments}
              agents={agents}
              labels={title('ordinary')}
            />
          ),
        },
        { name: 'Empty', node: <DepartmentBoard workload={[]} labels={title('empty')} /> },
        {
          name: 'Loading',
          node: <DepartmentBoard workload={[]} loading labels={title('loading')} />,
        },
        {
          name: 'Error',
          node: (
            <DepartmentBoard
              workload={[]}
              error="Workload could not be loaded."
              labels={title('error')}
            />
          ),
        },
      ]}
      dark={
        <DepartmentBoard
          {...boardAt(INCIDENT_NOW)}
          departments={departments}
          labels={title('dark')}
        />
      }
      rtl={
        <DepartmentBoard
          {...boardAt(INCIDENT_NOW)}
          departments={departments}
          locale="ar-EG"
          labels={{ title: 'الحمل حسب القسم' }}
        />
      }
    />
  ),
};
