// The benchmark page: TriageQueue with 100,000 conversations, driven by run.mjs in headless Chromium.
import type { QueueItem } from '@rapport/core';
import { Profiler, type ProfilerOnRenderCallback } from 'react';
import { flushSync } from 'react-dom';
import { createRoot, type Root } from 'react-dom/client';
import { MentionCard, RapportProvider, TriageQueue, type Clock } from '../src/index';
import { sortRows } from '../src/TriageQueue/sort';

const T0 = Date.parse('2026-11-22T10:00:00Z');
const DEPARTMENTS = ['service', 'logistics', 'product', 'sales', 'hr', 'marketing'];
const PLATFORMS = ['x', 'instagram', 'facebook', 'reddit', 'email', 'chat'] as const;
const BANDS = ['critical', 'high', 'normal', 'low'] as const;

function rows(n: number): QueueItem[] {
  let seed = 42;
  const rand = () => (seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
  return Array.from({ length: n }, (_, i) => {
    const priority = Math.round(rand() * 100);
    const due = T0 + Math.round((rand() * 240 - 30) * 60_000);
    return {
      conversationId: `c${i}`,
      position: i + 1,
      customer: {
        id: `a${i % 40_000}`,
        handle: `customer${i % 40_000}`,
        followers: Math.round(rand() * 5000),
        verified: false,
        isStaff: false,
        isBrand: false,
        isBot: false,
      },
      platform: PLATFORMS[i % PLATFORMS.length]!,
      channel: i % 4 === 0 ? 'private' : 'public',
      department: DEPARTMENTS[i % DEPARTMENTS.length]!,
      priority,
      band: BANDS[priority >= 75 ? 0 : priority >= 50 ? 1 : priority >= 25 ? 2 : 3]!,
      sla: {
        target: 'first_response',
        dueAt: new Date(due).toISOString(),
        timeToBreach: due - T0,
        status: due < T0 ? 'breached' : 'pending',
      },
      rank: i,
      tags: [],
      flags: i % 11 === 0 ? [{ kind: 'irate', detail: 'angry wording' }] : [],
      waitingSince: new Date(T0 - Math.round(rand() * 600) * 60_000).toISOString(),
      preview: `Message ${i}: my order ${i} has not arrived and nobody answers`,
      reasons: ['Delivery problem', `Priority ${priority}`],
    };
  });
}

/** A clock the benchmark advances by hand, one second per tick. */
function manualClock(): Clock & { tick(): void } {
  const listeners = new Set<() => void>();
  let now = T0;
  return {
    getSnapshot: () => now,
    subscribe(l) {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    tick() {
      now += 1000;
      for (const l of listeners) l();
    },
  };
}

let commitMs = 0;
const onRender: ProfilerOnRenderCallback = (_id, _phase, actualDuration) => {
  commitMs += actualDuration;
};

const data = rows(100_000);
let root: Root | undefined;
const clock = manualClock();

function App() {
  return (
    <Profiler id="queue" onRender={onRender}>
      <RapportProvider clock={clock} locale="en-US">
        <TriageQueue rows={data} height={600} />
      </RapportProvider>
    </Profiler>
  );
}

const container = document.getElementById('root')!;

declare global {
  interface Window {
    bench: Record<string, (arg?: string) => Promise<Record<string, number>>>;
  }
}

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

const HOSTILE =
  '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>\u202Egnp.exe';

window.bench = {
  /** Renders hostile text in a real browser and reports whether anything ran or became markup. */
  async hostile() {
    const box = document.createElement('div');
    document.body.append(box);
    const r = createRoot(box);
    const item = data[0]!;
    flushSync(() =>
      r.render(
        <>
          <MentionCard
            mention={{
              id: 'h',
              platform: 'x',
              channel: 'public',
              direction: 'inbound',
              author: { ...item.customer, handle: HOSTILE },
              text: HOSTILE,
              createdAt: '2026-11-22T10:00:00Z',
              url: 'javascript:window.__pwned=1',
            }}
          />
          <TriageQueue rows={[{ ...item, preview: HOSTILE }]} now={T0} />
        </>,
      ),
    );
    await nextFrame();
    box.querySelectorAll('a').forEach((a) => a.click());
    await nextFrame();
    const result = {
      executed: (window as { __pwned?: number }).__pwned === undefined ? 0 : 1,
      markup: box.querySelectorAll('img, script').length,
      links: box.querySelectorAll('a').length,
      bidi: /[\u202A-\u202E\u2066-\u2069]/.test(box.textContent ?? '') ? 1 : 0,
    };
    r.unmount();
    box.remove();
    return result;
  },
  async sortOnly() {
    const t0 = performance.now();
    sortRows(data, [{ id: 'priority', desc: true }]);
    return { sortRowsMs: performance.now() - t0 };
  },
  async mount() {
    root?.unmount();
    container.innerHTML = '';
    await nextFrame();
    root = createRoot(container);
    const t0 = performance.now();
    flushSync(() => root!.render(<App />));
    const committed = performance.now() - t0;
    container.getBoundingClientRect();
    await nextFrame();
    return {
      mountCommitMs: committed,
      mountToFrameMs: performance.now() - t0,
      rowsInDom: container.querySelectorAll('[role="row"]').length,
    };
  },
  async sort(column = 'Priority') {
    const button = [...container.querySelectorAll('button')].find((b) =>
      b.textContent?.startsWith(column),
    )!;
    const t0 = performance.now();
    flushSync(() => button.click());
    const sorted = performance.now() - t0;
    await nextFrame();
    const first = container
      .querySelector('[role="row"][aria-rowindex="2"] [role="status"]')
      ?.getAttribute('aria-label');
    return {
      sortMs: sorted,
      rowsInDom: container.querySelectorAll('[role="row"]').length,
      firstPriority: Number(first?.match(/\d+/)?.[0] ?? -1),
    };
  },
  async tick() {
    commitMs = 0;
    const t0 = performance.now();
    flushSync(() => clock.tick());
    const wall = performance.now() - t0;
    await nextFrame();
    return {
      tickWallMs: wall,
      tickCommitMs: commitMs,
      timers: container.querySelectorAll('[role="timer"]').length,
    };
  },
};
