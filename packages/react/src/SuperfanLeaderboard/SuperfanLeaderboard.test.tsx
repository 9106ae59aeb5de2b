import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { describe, expect, it, vi } from 'vitest';
import { communityReport } from '../test/superfans';
import { SuperfanLeaderboard } from './SuperfanLeaderboard';

function names() {
  return screen
    .getAllByRole('row')
    .slice(1)
    .map((r) => within(r).getAllByRole('rowheader')[0]!.textContent!.split('·')[0]!.trim());
}

describe('SuperfanLeaderboard', () => {
  it('lists members by rank with status, owner, alerts and the amplifier flag', () => {
    render(<SuperfanLeaderboard report={communityReport()} owners={{ u1: 'Ana' }} />);
    expect(names()[0]).toBe('Member 1');
    const rows = screen.getAllByRole('row').slice(1);
    expect(rows[0]!.textContent).toContain('Ana');
    expect(rows[1]!.textContent).toContain('No owner');
    expect(rows[1]!.querySelector('[data-alert="rising"]')).toBeTruthy();
    expect(rows[2]!.textContent).toContain('Large audience');
  });

  it('sorts by a sub-score and filters to superfans', async () => {
    const user = userEvent.setup();
    const onSortByChange = vi.fn();
    render(<SuperfanLeaderboard report={communityReport()} onSortByChange={onSortByChange} />);
    await user.click(screen.getByRole('button', { name: 'Feedback' }));
    expect(onSortByChange).toHaveBeenCalledWith('intelligence');
    expect(names()).toEqual(['<b>bold</b>evil', 'Member 3', 'Member 2', 'Member 1']);
    expect(screen.getByRole('columnheader', { name: /Feedback/ }).getAttribute('aria-sort')).toBe(
      'descending',
    );
    await user.click(screen.getByRole('checkbox', { name: 'Only superfans' }));
    expect(names()).toHaveLength(2);
  });

  it('says how many people were not ranked for lack of permission, without naming them', () => {
    const { rerender } = render(
      <SuperfanLeaderboard report={{ ...communityReport(), membersWithoutConsent: 1204 }} />,
    );
    expect(screen.getByText('1,204 not ranked: no permission to profile them')).toBeTruthy();
    rerender(<SuperfanLeaderboard report={communityReport()} />);
    expect(screen.queryByText(/not ranked/)).toBeNull();
    // Nobody may be ranked: the list is empty and says why.
    rerender(
      <SuperfanLeaderboard
        report={{ ...communityReport(), members: [], membersWithoutConsent: 3 }}
      />,
    );
    expect(screen.getByText('Nobody to rank yet.')).toBeTruthy();
    expect(screen.getByText('3 not ranked: no permission to profile them')).toBeTruthy();
  });

  it('renders without React warnings (every list item has a key)', () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      render(<SuperfanLeaderboard report={communityReport()} onSelect={() => {}} />);
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });

  it('opens a member by keyboard', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    render(<SuperfanLeaderboard report={communityReport()} onSelect={onSelect} />);
    screen.getByRole('button', { name: 'Open Member 2' }).focus();
    await user.keyboard('{Enter}');
    expect(onSelect).toHaveBeenCalledWith('u2');
  });

  it('names members without a name by their id, so their button is not empty', async () => {
    const user = userEvent.setup();
    const onSelect = vi.fn();
    const report = communityReport();
    report.members[1] = { ...report.members[1]!, name: '' };
    report.members[2] = { ...report.members[2]!, name: ' ' };
    const { container } = render(<SuperfanLeaderboard report={report} onSelect={onSelect} />);
    expect(names().slice(0, 3)).toEqual(['Member 1', 'u2', 'u3']);
    await user.click(screen.getByRole('button', { name: 'Open u2' }));
    expect(onSelect).toHaveBeenCalledWith('u2');
    expect(screen.getByRole('button', { name: 'Open u3' })).toBeTruthy();
    expect(await axe(container)).toHaveNoViolations();
  });

  it('has accessible states and renders on the server', async () => {
    for (const props of [
      { loading: true },
      { report: null },
      { error: 'x' },
      { report: communityReport(), onSelect: () => {}, selectedId: 'u1' },
      { report: communityReport(), theme: 'dark' as const },
    ]) {
      const { container, unmount } = render(<SuperfanLeaderboard {...props} />);
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
    expect(renderToString(<SuperfanLeaderboard report={communityReport()} />)).toContain('<table');
  });
});
