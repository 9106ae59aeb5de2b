import type { DepartmentLoad } from '@rapport/core';
import { render, screen, within } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { describe, expect, it } from 'vitest';
import { DepartmentBoard } from './DepartmentBoard';

const workload: DepartmentLoad[] = [
  {
    department: 'service',
    open: 42,
    unassigned: 10,
    breached: 3,
    agentsOnline: 2,
    capacity: 20,
    assigned: 20,
    overloaded: true,
  },
  {
    department: 'logistics',
    open: 5,
    unassigned: 0,
    breached: 0,
    agentsOnline: 1,
    capacity: 10,
    assigned: 5,
    overloaded: false,
  },
];
const agents = [
  { id: 'ana', name: 'Ana', departments: ['service'], online: true, capacity: 10 },
  { id: 'bo', name: 'Bo', departments: ['service'], online: false, capacity: 10 },
];

describe('DepartmentBoard', () => {
  it('shows load against capacity per department and agent, and calls out overload', () => {
    render(
      <DepartmentBoard
        workload={workload}
        agents={agents}
        agentLoad={{ ana: 9 }}
        departments={[{ id: 'service', name: 'Customer service' }]}
        locale="en-US"
      />,
    );
    const meter = screen.getByRole('meter', { name: 'Customer service' });
    expect(meter.getAttribute('aria-valuetext')).toBe('42 open for a capacity of 20');
    expect(screen.getByText('· Overloaded')).toBeTruthy();
    const ana = screen.getByRole('meter', { name: 'Ana', hidden: true });
    expect(ana.getAttribute('aria-valuenow')).toBe('9');
    const logistics = screen.getByRole('meter', { name: 'logistics' }).closest('li')!;
    expect(within(logistics).queryByText(/Overloaded/)).toBeNull();
  });

  it('removes direction controls from the names that label the meters', () => {
    render(
      <DepartmentBoard
        workload={workload}
        agents={[{ ...agents[0]!, name: 'Ana\u202Egnp.exe' }]}
        departments={[{ id: 'service', name: 'Care\u202Exe.gnp' }]}
      />,
    );
    const labels = screen
      .getAllByRole('meter', { hidden: true })
      .map((m) => m.getAttribute('aria-label'));
    expect(labels).toEqual(['Carexe.gnp', 'Anagnp.exe', 'logistics']);
  });

  it('names departments and agents without a name by their id', () => {
    render(
      <DepartmentBoard
        workload={workload}
        agents={[{ ...agents[0]!, name: '' }]}
        departments={[{ id: 'service', name: ' ' }]}
      />,
    );
    expect(screen.getByRole('heading', { name: /^service/ })).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'service' })).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'ana', hidden: true })).toBeTruthy();
  });

  it('has accessible states and renders on the server', async () => {
    for (const props of [
      { workload: [], loading: true },
      { workload: [] },
      { workload: [], error: 'x' },
      { workload, agents },
      { workload, theme: 'dark' as const },
    ]) {
      const { container, unmount } = render(<DepartmentBoard {...props} />);
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
    expect(renderToString(<DepartmentBoard workload={workload} />)).toContain('role="meter"');
  });
});
