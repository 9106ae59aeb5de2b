import { render, screen, within } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { describe, expect, it } from 'vitest';
import { conversation, memory, routing, score, slaState, T0 } from '../test/fixtures';
import { ConversationView } from './ConversationView';

describe('ConversationView', () => {
  it('shows the thread, routing on the latest customer message, SLA clocks, flags and memory', () => {
    const c = conversation();
    render(
      <ConversationView
        conversation={c}
        scores={{ m3: score }}
        routing={routing}
        sla={slaState}
        memory={memory}
        flags={[
          { kind: 'repeat_complainant', detail: 'Second complaint about delivery this month.' },
        ]}
        now={T0}
        locale="en-US"
      />,
    );
    expect(screen.getByRole('heading', { name: 'Conversation with @customer1' })).toBeTruthy();
    const cards = screen.getAllByRole('article');
    expect(cards).toHaveLength(3);
    expect(cards[2]!.textContent).toContain('Routed to logistics');
    expect(cards[0]!.textContent).not.toContain('Routed to');
    const timers = within(screen.getByRole('group', { name: 'Response times' })).getAllByRole(
      'timer',
    );
    expect(timers[0]!.getAttribute('aria-label')).toBe('First response: 5m 0s left');
    expect(timers[1]!.textContent).toBe('Paused, 20h 0m left');
    expect(
      within(screen.getByRole('group', { name: 'Handle with care' })).getByText(
        'Repeat complainant',
      ),
    ).toBeTruthy();
    const mem = screen.getByRole('group', { name: 'Relationship memory' });
    // The hiccup's javascript: link is dropped; the celebration's https link is kept.
    const links = within(mem).getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://forum.example.com/t/42');
    expect(mem.textContent).toContain('(overdue)');
    expect(document.querySelector('img')).toBeNull();
  });

  it('isolates the customer in the heading: no direction override leaks, one @', () => {
    const c = conversation();
    c.customer = { ...c.customer, handle: '@@\u202Enimda_laiciffo' };
    render(<ConversationView conversation={c} now={T0} />);
    const heading = screen.getByRole('heading', { level: 2 });
    expect(heading.textContent).toBe('Conversation with @nimda_laiciffo');
    const bdi = heading.querySelector('bdi')!;
    expect(bdi.getAttribute('dir')).toBe('auto');
    expect(bdi.textContent).toBe('@nimda_laiciffo');
  });

  it('repeats no landmark: a thread of scored messages, two conversations, or two empty panes', async () => {
    const c = conversation();
    const other = {
      ...conversation(),
      id: 'c2',
      customer: { ...c.customer, id: 'a9', handle: 'sam' },
    };
    const full = (conv: typeof c) => (
      <ConversationView
        conversation={conv}
        scores={Object.fromEntries(conv.mentions.map((m) => [m.id, score]))}
        routing={routing}
        sla={slaState}
        memory={memory}
        flags={[{ kind: 'irate', detail: 'Angry last week.' }]}
        now={T0}
      />
    );
    const { container } = render(
      <>
        {full(c)}
        {full(other)}
        <ConversationView conversation={null} labels={{ pane: 'Conversation (left)' }} />
        <ConversationView loading labels={{ pane: 'Conversation (right)' }} />
      </>,
    );
    // Each view is one region named after its customer; what is inside (each card's reasons and routing, the
    // care flags, the response times, the memory) are groups, so nothing repeats.
    expect(screen.getAllByRole('region').length).toBe(4);
    expect(screen.getByRole('region', { name: 'Conversation with @customer1' })).toBeTruthy();
    expect(screen.getByRole('region', { name: 'Conversation with @sam' })).toBeTruthy();
    expect(screen.getAllByRole('group', { name: 'Why this priority?' })).toHaveLength(6);
    expect(screen.getAllByRole('group', { name: 'Response times' })).toHaveLength(2);
    expect(await axe(container)).toHaveNoViolations();
  });

  it('has accessible loading, empty, error and full states; renders on the server', async () => {
    for (const props of [
      { loading: true },
      { conversation: null },
      { error: 'gone' },
      { conversation: conversation(), routing, sla: slaState, memory, now: T0 },
      { conversation: conversation(), theme: 'dark' as const },
    ]) {
      const { container, unmount } = render(<ConversationView {...props} />);
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
    expect(
      renderToString(<ConversationView conversation={conversation()} sla={slaState} now={T0} />),
    ).toContain('role="timer"');
  });
});
