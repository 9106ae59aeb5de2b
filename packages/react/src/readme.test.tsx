// The README's example, kept compiling and working.
import { createTriage, type Mention } from '@rapport/core';
import { render, screen } from '@testing-library/react';
import { useMemo } from 'react';
import { describe, expect, it } from 'vitest';
import { RapportProvider, TriageQueue, useTriage } from './index';
import { mention } from './test/fixtures';

export function Inbox({ mentions }: { mentions: Mention[] }) {
  const triage = useMemo(() => {
    const t = createTriage();
    t.ingest(mentions);
    return t;
  }, [mentions]);
  const { queue } = useTriage(triage); // re-renders on ingest/assign/resolve; recomputed every 30 s
  return (
    <RapportProvider locale="en-GB" theme="light">
      <TriageQueue
        rows={queue}
        onOpen={(item) => console.log('open', item.conversationId)}
        onResolve={(item) => triage.resolve(item.conversationId, new Date().toISOString())}
      />
    </RapportProvider>
  );
}

describe('README example', () => {
  it('shows the ingested conversation in the queue', () => {
    render(<Inbox mentions={[mention(1)]} />);
    expect(screen.getByRole('grid').getAttribute('aria-rowcount')).toBe('2');
    expect(screen.getByRole('grid').textContent).toContain('My parcel never arrived');
  });
});
