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
    const timers = within(screen.getByRole('region', { name: 'Response times' })).getAllByRole(
      'timer',
    );
    expect(timers[0]!.getAttribute('aria-label')).toBe('First response: 5m 0s left');
    expect(timers[1]!.textContent).toBe('Paused, 20h 0m left');
    expect(screen.getByText('Repeat complainant')).toBeTruthy();
    const mem = screen.getByRole('region', { name: 'Relationship memory' });
    // The hiccup's javascript: link is dropped; the celebration's https link is kept.
    const links = within(mem).getAllByRole('link');
    expect(links).toHaveLength(1);
    expect(links[0]!.getAttribute('href')).toBe('https://forum.example.com/t/42');
    expect(mem.textContent).toContain('(overdue)');
    expect(document.querySelector('img')).toBeNull();
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
