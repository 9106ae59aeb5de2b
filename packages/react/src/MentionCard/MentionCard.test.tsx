import { render, screen } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { axe } from 'vitest-axe';
import { describe, expect, it } from 'vitest';
import { mention, routing, score, T0 } from '../test/fixtures';
import { MentionCard } from './MentionCard';

describe('MentionCard', () => {
  it('shows the priority, its reasons largest first, and the routing decision', () => {
    render(
      <MentionCard
        mention={mention(1)}
        score={score}
        routing={routing}
        departmentNames={{ logistics: 'Logistics' }}
        locale="en-US"
      />,
    );
    const card = screen.getByRole('article', { name: 'Message from @customer1 on x' });
    expect(screen.getByRole('status').getAttribute('aria-label')).toBe(
      'Priority 82 of 100, Critical',
    );
    const reasons = [...card.querySelectorAll('[data-factor]')].map((li) =>
      li.getAttribute('data-factor'),
    );
    expect(reasons).toEqual(['intents', 'waiting', 'exposure']);
    expect(card.textContent).toContain('+22 Who can see it: public, 1,200 followers');
    expect(card.textContent).toContain('Routed to Logistics (90% sure)');
  });

  it('renders hostile text inertly and links only to http(s)', () => {
    const { container } = render(
      <>
        <MentionCard
          mention={mention(1, {
            text: '<img src=x onerror=alert(1)> \u202Etxt.exe',
            url: 'javascript:alert(1)',
          })}
        />
        <MentionCard mention={mention(2, { url: 'https://x.com/a/status/1' })} />
      </>,
    );
    expect(container.querySelector('img')).toBeNull();
    const links = container.querySelectorAll('a');
    expect(links.length).toBe(1);
    expect(links[0]!.getAttribute('href')).toBe('https://x.com/a/status/1');
    expect(links[0]!.getAttribute('rel')).toContain('noopener');
    expect(container.textContent).not.toContain('\u202E');
  });

  it('is accessible with and without score, in both themes, and renders on the server', async () => {
    for (const props of [
      {},
      { score, routing, dueAt: new Date(T0 + 60_000).toISOString(), now: T0 },
      { score, theme: 'dark' as const },
      { mention: mention(2, { direction: 'outbound', channel: 'private' }) },
    ]) {
      const { container, unmount } = render(<MentionCard mention={mention(1)} {...props} />);
      expect(await axe(container)).toHaveNoViolations();
      unmount();
    }
    expect(renderToString(<MentionCard mention={mention(1)} score={score} />)).toContain('article');
  });
});
