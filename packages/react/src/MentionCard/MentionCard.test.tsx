import { scoreMention } from '@rapport/core';
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
    const card = screen.getByRole('article', { name: 'Message from @customer1 on X' });
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

  it('shows a penalty with a minus sign, never "+-"', () => {
    render(
      <MentionCard
        mention={mention(1)}
        score={{
          ...score,
          reasons: [
            { factor: 'intents', contribution: 30, detail: 'delivery problem' },
            { factor: 'intents', contribution: -33.4, detail: 'looks like spam (99%)' },
          ],
        }}
        locale="en-US"
      />,
    );
    const [gain, penalty] = screen.getAllByRole('listitem');
    expect(gain!.textContent).toBe('+30 What it is about: delivery problem');
    // U+2212 MINUS SIGN, which screen readers read as "minus".
    expect(penalty!.textContent).toBe('\u221233.4 What it is about: looks like spam (99%)');
    expect(document.body.textContent).not.toMatch(/\+\s*[-\u2212]/);
  });

  it("shows the core's spam penalty as a negative number", () => {
    const spam = mention(1, {
      text: 'My parcel never arrived!! free followers, check my profile, click here',
    });
    const scored = scoreMention(spam);
    expect(scored.reasons.some((r) => r.contribution < 0)).toBe(true);
    const { container } = render(<MentionCard mention={spam} score={scored} locale="en-US" />);
    const last = [...container.querySelectorAll('[data-factor]')].at(-1)!;
    expect(last.textContent).toMatch(/^\u2212\d/);
    expect(container.textContent).not.toContain('+-');
  });

  it('takes the penalty template from the labels', () => {
    const { container } = render(
      <MentionCard
        mention={mention(1)}
        score={{
          ...score,
          reasons: [{ factor: 'intents', contribution: -12, detail: 'looks like spam' }],
        }}
        labels={{ points: '+{points} Pkt.', penalty: '\u2212{points} Pkt.' }}
        locale="de-DE"
      />,
    );
    expect(container.querySelector('[data-factor="intents"]')!.textContent).toContain(
      '\u221212 Pkt.',
    );
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

  it('repeats no landmark when several cards with reasons and routing share a page', async () => {
    const { container } = render(
      <>
        {[1, 2, 3].map((i) => (
          <MentionCard key={i} mention={mention(i)} score={score} routing={routing} />
        ))}
      </>,
    );
    expect(screen.queryAllByRole('region')).toEqual([]);
    expect(screen.getAllByRole('group', { name: 'Why this priority?' })).toHaveLength(3);
    expect(screen.getAllByRole('group', { name: 'Routing' })).toHaveLength(3);
    expect(await axe(container)).toHaveNoViolations();
  });

  it('shows a handle with one @, and a name without a handle once', () => {
    render(
      <>
        <MentionCard
          mention={mention(1, { author: { ...mention(1).author, handle: '@dana', name: 'Dana' } })}
        />
        <MentionCard
          mention={mention(2, { author: { ...mention(2).author, handle: '', name: 'Sam' } })}
        />
        <MentionCard
          mention={mention(3, {
            author: { ...mention(3).author, handle: 'u/lee', name: undefined },
          })}
        />
      </>,
    );
    const [dana, sam, lee] = screen.getAllByRole('article');
    expect(dana!.getAttribute('aria-label')).toBe('Message from @dana on X');
    expect(dana!.querySelector('strong')!.textContent).toBe('Dana (@dana)');
    expect(sam!.getAttribute('aria-label')).toBe('Message from Sam on X');
    expect(sam!.querySelector('strong')!.textContent).toBe('Sam');
    expect(lee!.querySelector('strong')!.textContent).toBe('u/lee');
    expect(document.body.textContent).not.toContain('@@');
  });

  it('isolates the direction of names, handles and department names', () => {
    render(
      <MentionCard
        mention={mention(1, {
          author: { ...mention(1).author, handle: '@‮nimda', name: 'Ana‮' },
        })}
        routing={routing}
        departmentNames={{ logistics: 'الخدمات اللوجستية' }}
      />,
    );
    const card = screen.getByRole('article');
    expect(card.getAttribute('aria-label')).toBe('Message from @nimda on X');
    expect(card.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
    for (const text of ['@nimda', 'Ana', 'الخدمات اللوجستية']) {
      const bdi = screen.getByText(text, { selector: 'bdi' });
      expect(bdi.getAttribute('dir')).toBe('auto');
    }
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
