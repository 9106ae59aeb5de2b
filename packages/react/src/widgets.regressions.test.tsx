// Blank names, counts, empty states, alerts without a mouse, translatable words, currencies, DOM ids and locale
// digits across the widgets (found by an audit; each failed on the code before its fix).
import { render, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { evaluateGoals, presetGoalTree, type Interaction } from '@rapport/core';
import {
  CapacityGauge,
  ConversationView,
  KpiScorecard,
  GoalTree,
  MemberProfile,
  MentionCard,
  SuperfanLeaderboard,
} from './index';
import { conversation, mention } from './test/fixtures';
import { goalReport } from './test/goals';
import { communityReport, member } from './test/superfans';

describe('people with a blank name (CSV import) outside TriageQueue', () => {
  it('MentionCard names the author by id, not with blank text', () => {
    const m = mention(1, {
      author: { ...mention(1).author, id: 'cust-17', handle: '', name: '  ' },
    });
    render(<MentionCard mention={m} />);
    const card = screen.getByRole('article');
    expect(card.getAttribute('aria-label')).toBe('Message from cust-17 on X');
    expect(card.querySelector('header strong')!.textContent!.trim()).toBe('cust-17');
  });

  it('ConversationView heading is not "Conversation with " followed by nothing', () => {
    const c = conversation();
    c.customer = { ...c.customer, id: 'cust-17', handle: '', name: ' ' };
    render(<ConversationView conversation={c} />);
    expect(screen.getByRole('heading', { level: 2 }).textContent!.trim()).toBe(
      'Conversation with cust-17',
    );
  });
});

describe('CapacityGauge', () => {
  it('the summary states the staff count the capacity was computed from', () => {
    // The prop is documented as "whole people; a fraction is rounded down".
    render(<CapacityGauge held={100} staff={2.5} locale="en-US" />);
    const meter = screen.getByRole('meter');
    expect(meter.getAttribute('aria-valuemax')).toBe('300'); // 2 people × 150
    // Not "(2.5 staff × 150)": 2.5 × 150 is not 300.
    expect(meter.getAttribute('aria-valuetext')).toBe(
      '100 of 300 relationships held (2 staff × 150)',
    );
  });
});

describe('SuperfanLeaderboard', () => {
  it('"Only superfans" with no superfan says so instead of showing an empty table', () => {
    const report = communityReport();
    report.members = report.members.map((m) => ({ ...m, superfan: false, status: 'member' }));
    report.superfanCount = 0;
    render(<SuperfanLeaderboard report={report} defaultOnlySuperfans />);
    const table = screen.queryByRole('table');
    const rows = table ? within(table).queryAllByRole('row').length - 1 : 0;
    expect(rows).toBe(0);
    // A message says why the list is empty.
    expect(screen.queryByRole('status')).not.toBeNull();
  });

  it('an alert’s explanation is reachable without a mouse (not only in a title tooltip)', () => {
    const report = communityReport();
    const alert = report.alerts[0]!;
    render(<SuperfanLeaderboard report={report} />);
    const marker = document.querySelector(`[data-alert="${alert.kind}"]`)!;
    expect(marker).not.toBeNull();
    // In the text, not only in a title attribute.
    expect(document.body.textContent).toContain(alert.message);
  });
});

describe('MemberProfile', () => {
  it('evidence items name the interaction in words (translatable), not the raw enum', () => {
    const interactions: Record<string, Interaction> = {
      i2: {
        id: 'i2',
        memberId: 'u1',
        at: '2026-11-10T10:00:00Z',
        channel: 'forum',
        type: 'feature_request',
        text: 'Dark mode please',
      },
    };
    const { container } = render(
      <MemberProfile member={member(1, true)} interactions={interactions} locale="en-US" />,
    );
    const item = [...container.querySelectorAll('li')].find((li) =>
      li.textContent!.includes('Dark mode please'),
    )!;
    expect(item.textContent).not.toContain('feature_request');
  });
});

describe('KpiScorecard / GoalTree', () => {
  it('a KPI defined in EUR is not shown in US dollars', () => {
    const tree = presetGoalTree({ departments: ['sales'] });
    tree.kpis = tree.kpis.map((k) =>
      k.unit === 'currency'
        ? {
            ...k,
            currency: 'EUR',
            targets: [{ from: '2026-11-01T00:00:00Z', to: '2026-12-01T00:00:00Z', value: 5000 }],
          }
        : k,
    );
    const events = [
      {
        source: 'leads',
        at: '2026-11-05T10:00:00Z',
        socialTouched: true,
        amount: 1200,
        stage: 'open',
      },
    ];
    const report = evaluateGoals(tree, events, {
      from: '2026-11-01T00:00:00Z',
      to: '2026-12-01T00:00:00Z',
      now: '2026-11-20T00:00:00Z',
    });
    const pipeline = report.kpis.find((k) => k.unit === 'currency')!;
    const { container } = render(<KpiScorecard report={report} locale="en-US" />);
    const card = container.querySelector(`[data-kpi="${pipeline.kpi}"]`)!;
    // The core's own reason speaks of EUR…
    expect(card.textContent).toContain('EUR');
    // …and so do the figures above it (not "$1,200" and "$5,000").
    expect(card.textContent).not.toContain('$');
    const tree2 = render(<GoalTree report={report} locale="en-US" />);
    expect(tree2.container.textContent).not.toContain('$');
  });

  it('the KPI level is translatable like every other visible string', () => {
    const { container } = render(
      <KpiScorecard
        report={goalReport()}
        labels={{
          title: 'KPI-Übersicht',
          actual: 'Ist',
          target: 'Ziel',
          baseline: 'Ausgangswert',
          owner: 'Verantwortlich',
        }}
        locale="de-DE"
      />,
    );
    const card = container.querySelector('[data-kpi="response_rate"]')!;
    // The AMEC level comes from the labels, not as the raw value "outcome".
    const shown = [...card.querySelectorAll('p span')].map((e) => e.textContent);
    expect(shown).not.toContain('outcome');
  });
});

describe('GoalTree ids', () => {
  it('each toggle controls its own region when objective ids are not ASCII', () => {
    const report = goalReport();
    // Ids are free text (the core's schema only trims and limits length): a Japanese team names them in Japanese.
    const rename: Record<string, string> = { service: '顧客', marketing: '広報' };
    report.objectives = report.objectives.map((o) => ({
      ...o,
      objective: rename[o.objective] ?? o.objective,
      parent: o.parent && (rename[o.parent] ?? o.parent),
    }));
    report.warnings = report.warnings.map((w) =>
      w.objective ? { ...w, objective: rename[w.objective] ?? w.objective } : w,
    );
    render(<GoalTree report={report} />);
    const toggles = screen.getAllByRole('button', { name: /Show or hide/ });
    const controlled = toggles.map((b) => b.getAttribute('aria-controls'));
    // Distinct ids (both used to become "<base>-__"), each toggle pointing at its own region.
    expect(new Set(controlled).size).toBe(controlled.length);
    const ad = toggles.find((b) => b.getAttribute('aria-label')!.includes('Grow the audience'))!;
    const region = document.getElementById(ad.getAttribute('aria-controls')!)!;
    expect(region.closest('li')!.getAttribute('data-objective')).toBe('広報');
  });
});

describe('numbers in the locale', () => {
  it('SpikeAlert writes the severity in the locale’s digits, like the other numbers', async () => {
    const { SpikeAlert } = await import('./index');
    const { volumeSpike } = await import('./test/fixtures');
    const { container } = render(<SpikeAlert spike={volumeSpike} locale="ar-EG" />);
    const heading = container.querySelector('h3')!.textContent!;
    const body = container.querySelector('p')!.textContent!;
    expect(body).toContain('٣١٢'); // 312 observed, formatted for ar-EG
    // and so is the severity (not "9").
    expect(heading).toContain('٩');
  });
});
