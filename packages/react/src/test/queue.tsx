import type { QueueItem } from '@rapport/core';
import { useState } from 'react';
import { TriageQueue, type TriageQueueProps } from '../TriageQueue/TriageQueue';
import { queueItems, T0 } from './fixtures';

/**
 * A TriageQueue of `count` sample conversations in an app that takes each resolved conversation out of its rows, as
 * a real app does (after calling `onResolve`, when given).
 */
export function ResolvingQueue({
  count,
  onResolve,
  ...props
}: { count: number } & Omit<TriageQueueProps, 'rows' | 'now'>) {
  const [rows, setRows] = useState(() => queueItems(count));
  return (
    <TriageQueue
      {...props}
      rows={rows}
      now={T0}
      onResolve={(item: QueueItem) => {
        onResolve?.(item);
        setRows((current) => current.filter((r) => r !== item));
      }}
    />
  );
}
