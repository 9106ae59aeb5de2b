import { render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { describe, expect, it } from 'vitest';
import { memory } from '../test/fixtures';
import { member } from '../test/superfans';
import { MemberProfile } from './MemberProfile';

const interactions = {
  i1: {
    id: 'i1',
    memberId: 'u1',
    at: '2026-11-20T00:00:00Z',
    channel: 'forum',
    type: 'answer' as const,
    text: 'Try resetting the router',
    url: 'https://forum.example.com/t/1',
  },
  i3: {
    id: 'i3',
    memberId: 'u1',
    at: '2026-11-18T00:00:00Z',
    channel: 'forum',
    type: 'answer' as const,
    text: '<script>x</script>',
    url: 'javascript:alert(1)',
  },
};

describe('MemberProfile', () => {
  it('shows sub-scores with their evidence, the gate, reasons, owner and memory', () => {
    const { container } = render(
      <MemberProfile
        member={member(1, true)}
        memory={memory}
        owner="Ana"
        interactions={interactions}
        locale="en-US"
      />,
    );
    expect(screen.getByRole('heading', { name: 'Member 1' })).toBeTruthy();
    expect(screen.getByText('Rank 1, score 93 of 100')).toBeTruthy();
    const help = container.querySelector('[data-subscore="helpfulness"]')!;
    expect(help.textContent).toContain('helped 9 other customers');
    expect(help.textContent).toContain('Evidence (2 interactions)');
    expect(help.textContent).toContain('Try resetting the router');
    expect(help.textContent).toContain('<script>x</script>');
    const links = [...help.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(links).toEqual(['https://forum.example.com/t/1']);
    expect(screen.getByText(/Superfan gate: passed/)).toBeTruthy();
    expect(screen.getByText('Ana')).toBeTruthy();
    expect(screen.getByRole('group', { name: 'Relationship memory' })).toBeTruthy();
  });

  it('says how many more interactions lie behind a sub-score than the evidence it lists', () => {
    const m = member(1, true);
    m.subScores.helpfulness = { ...m.subScores.helpfulness, evidenceCount: 12 };
    const { container } = render(
      <MemberProfile member={m} interactions={interactions} evidenceLimit={1} locale="en-US" />,
    );
    const help = container.querySelector('[data-subscore="helpfulness"]')!;
    expect(help.textContent).toContain('Evidence (12 interactions)');
    expect(help.querySelectorAll('li')).toHaveLength(2);
    expect(help.textContent).toContain('and 11 more');
  });

  it('repeats no landmark when several profiles with memory share a page', async () => {
    const { container } = render(
      <>
        <MemberProfile member={member(1, true)} memory={memory} />
        <MemberProfile member={member(2, true)} memory={memory} />
      </>,
    );
    expect(screen.getAllByRole('region')).toHaveLength(2);
    expect(screen.getByRole('region', { name: 'Member 1' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Member 2' })).toBeTruthy();
    expect(screen.getAllByRole('group', { name: 'Relationship memory' })).toHaveLength(2);
    expect(await axe(container)).toHaveNoViolations();
  });

  it('names a member without a name (CSV imports) by their id, in the heading and the region', async () => {
    for (const name of ['', '   ', '\u202E\u200B']) {
      const { container, unmount } = render(<MemberProfile member={member(1, true, { name })} />);
      expect(screen.getByRole('heading', { level: 2 }).textContent).toBe('u1');
      expect(screen.getByRole('region', { name: 'u1' })).toBeTruthy();
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
  });

  it('shows "Not permitted" where the memory was withheld, never an empty or stale value', () => {
    const { lastHiccup: _h, lastCelebration: _c, nextTouchDue: _n, ...rest } = memory;
    render(
      <MemberProfile
        member={member(1, true)}
        memory={{
          ...rest,
          touchOverdue: false,
          withheld: ['relationship', 'contact'],
          summary: 'nothing remembered about them: they said no',
        }}
      />,
    );
    expect(screen.getAllByText('Not permitted')).toHaveLength(3);
    expect(screen.queryByText(/bug report/)).toBeNull();
    expect(screen.getByText('Send a replacement')).toBeTruthy();
  });

  it('says when nobody holds the relationship', () => {
    render(<MemberProfile member={member(2, true)} />);
    expect(screen.getByText('Nobody holds this relationship yet')).toBeTruthy();
  });

  it('has accessible states and renders on the server', async () => {
    for (const props of [
      { loading: true },
      { member: null },
      { error: 'x' },
      { member: member(1, true), memory, owner: 'Ana', interactions },
      { member: member(3, false), theme: 'dark' as const },
    ]) {
      const { container, unmount } = render(<MemberProfile {...props} />);
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
    expect(renderToString(<MemberProfile member={member(1, true)} />)).toContain('Member 1');
  });
});
