// Text from users (messages, names, reasons, terms, links) must render inertly in every widget.
import { render } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import {
  ConversationView,
  KpiScorecard,
  MemberProfile,
  MentionCard,
  SpikeAlert,
  SuperfanLeaderboard,
  TriageQueue,
} from './index';
import { conversation, memory, mention, queueItems, T0, volumeSpike } from './test/fixtures';
import { goalReport } from './test/goals';
import { communityReport, member } from './test/superfans';

const XSS = '<img src=x onerror="globalThis.__pwned=1"><script>globalThis.__pwned=1</script>';
const JS = 'javascript:globalThis.__pwned=1';
const RLO = 'invoice\u202Efdp.exe\u2066x\u2069';

function expectInert(container: HTMLElement) {
  expect(container.querySelector('img, script, iframe, object, embed')).toBeNull();
  for (const a of container.querySelectorAll('a')) {
    expect(a.getAttribute('href')).toMatch(/^https?:\/\//);
  }
  for (const el of container.querySelectorAll('*')) {
    for (const attr of el.getAttributeNames()) expect(attr.startsWith('on')).toBe(false);
  }
  expect(container.textContent).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
  expect((globalThis as { __pwned?: number }).__pwned).toBeUndefined();
}

/** Every piece of text that came from the direction-override string sits in its own direction-isolated <bdi>. */
function expectIsolated(container: HTMLElement, fragment: string) {
  const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
  let found = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.textContent!.includes(fragment)) continue;
    found++;
    const bdi = node.parentElement!.closest('bdi');
    expect(bdi, `"${node.textContent}" in <${node.parentElement!.tagName}>`).not.toBeNull();
    expect(bdi!.getAttribute('dir')).toBe('auto');
  }
  expect(found).toBeGreaterThan(0);
}

describe('hostile text', () => {
  it('renders inertly everywhere', () => {
    const hostileMention = mention(1, {
      text: `${XSS} ${RLO}`,
      url: JS,
      author: { ...mention(1).author, handle: XSS, name: RLO },
    });
    const c = conversation();
    c.mentions = [hostileMention, ...c.mentions];
    c.customer = { ...c.customer, handle: `@@${RLO}` };
    const items = queueItems(3).map((q) => ({ ...q, preview: `${XSS}${RLO}`, reasons: [XSS] }));
    const report = goalReport();
    report.kpis[1] = { ...report.kpis[1]!, name: XSS, statusReason: RLO };
    report.warnings.push({ code: 'no_owner', message: XSS, kpi: report.kpis[1]!.kpi });
    const community = communityReport();
    community.members[0] = member(1, true, { name: XSS, reasons: [RLO] });
    const { container } = render(
      <>
        <MentionCard mention={hostileMention} />
        <ConversationView conversation={c} memory={{ ...memory, summary: XSS }} now={T0} />
        <TriageQueue rows={items} now={T0} />
        <SpikeAlert
          spike={{ ...volumeSpike, reasons: [XSS], topTerms: [{ term: RLO, count: 1, lift: 2 }] }}
        />
        <KpiScorecard report={report} />
        <SuperfanLeaderboard report={community} owners={{ u1: XSS }} />
        <MemberProfile
          member={community.members[0]}
          interactions={{
            i1: {
              id: 'i1',
              memberId: 'u1',
              at: '2026-11-01T00:00:00Z',
              channel: 'x',
              type: 'answer',
              text: XSS,
              url: JS,
            },
          }}
        />
      </>,
    );
    expectInert(container);
    expect(container.textContent).toContain('<img src=x onerror=');
    expectIsolated(container, 'fdp.exe');
    // The conversation's heading names the customer isolated too, with one @.
    const heading = container.querySelector('h2')!;
    expect(heading.textContent).toBe('Conversation with @invoicefdp.exex');
    expect(heading.querySelector('bdi')).not.toBeNull();
  });
});
