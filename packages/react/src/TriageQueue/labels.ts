import type { Platform, PriorityBand, SlaStatus, SlaTargetName } from '@rapport/core';
import { defaultPlatformLabels } from '../internal/platforms';
import { defaultSlaTimerLabels, type SlaTimerLabels } from '../SlaTimer/SlaTimer';

/** Every string the queue shows, for translation. */
export interface TriageQueueLabels {
  title: string;
  columns: Record<
    'select' | 'priority' | 'sla' | 'department' | 'author' | 'platform' | 'text' | 'waiting',
    string
  >;
  /** Checkbox label; `{author}`. */
  select: string;
  selectAll: string;
  why: string;
  /** Heading of the reasons panel; `{author}`. */
  whyTitle: string;
  close: string;
  noSla: string;
  private: string;
  /** Accessible name of the search and filter toolbar (a `search` landmark); `{title}` is the queue's title. */
  toolbar: string;
  search: string;
  allDepartments: string;
  allBands: string;
  allStatuses: string;
  /** A picker whose filter keeps several values (set by a controlled or default filter): `{count}`. */
  several: string;
  department: string;
  band: string;
  status: string;
  /** `{shown}` of `{total}` conversations, `{selected}` selected. */
  count: string;
  /** Keyboard help, read by screen readers with the grid. */
  keyboardHelp: string;
  markers: { repeat: string; irate: string; superfan: string };
  bands: Record<PriorityBand, string>;
  statuses: Record<SlaStatus, string>;
  slaTargets: Record<SlaTargetName, string>;
  platforms: Partial<Record<Platform, string>>;
  sla: Partial<SlaTimerLabels>;
  loading: string;
  empty: string;
  noMatch: string;
  error: string;
}

export const defaultTriageQueueLabels: TriageQueueLabels = {
  title: 'Triage queue',
  columns: {
    select: 'Select',
    priority: 'Priority',
    sla: 'Due',
    department: 'Department',
    author: 'Customer',
    platform: 'Platform',
    text: 'Message',
    waiting: 'Waiting',
  },
  select: 'Select conversation from {author}',
  selectAll: 'Select all shown conversations',
  why: 'Why this priority?',
  whyTitle: 'Why this priority: {author}',
  close: 'Close',
  noSla: 'No clock',
  private: 'private message',
  toolbar: '{title}: search and filters',
  search: 'Search messages and customers',
  allDepartments: 'All departments',
  allBands: 'All priorities',
  allStatuses: 'All statuses',
  several: '{count} selected',
  department: 'Department',
  band: 'Priority',
  status: 'Response status',
  count: '{shown} of {total} conversations, {selected} selected',
  keyboardHelp:
    'Arrow keys move between conversations, Enter opens, Space selects, A assigns, R resolves, question mark explains the priority.',
  markers: { repeat: 'Repeat', irate: 'Irate', superfan: 'Superfan' },
  bands: { critical: 'Critical', high: 'High', normal: 'Normal', low: 'Low' },
  statuses: {
    pending: 'On time',
    warning: 'Due soon',
    breached: 'Breached',
    met: 'Met',
    paused: 'Paused',
  },
  slaTargets: {
    first_response: 'First response',
    next_response: 'Next response',
    resolution: 'Resolution',
    public_acknowledgement: 'Public acknowledgement',
  },
  platforms: defaultPlatformLabels,
  sla: defaultSlaTimerLabels,
  loading: 'Loading the queue…',
  empty: 'Nobody is waiting. Every conversation has been answered.',
  noMatch: 'No conversation matches these filters.',
  error: 'The queue could not be loaded.',
};

/** Labels a caller may override, nested objects partially. */
export type TriageQueueLabelsInput = Partial<
  Omit<TriageQueueLabels, 'columns' | 'markers' | 'bands' | 'statuses' | 'slaTargets' | 'platforms'>
> & {
  columns?: Partial<TriageQueueLabels['columns']>;
  markers?: Partial<TriageQueueLabels['markers']>;
  bands?: Partial<TriageQueueLabels['bands']>;
  statuses?: Partial<TriageQueueLabels['statuses']>;
  slaTargets?: Partial<TriageQueueLabels['slaTargets']>;
  platforms?: Partial<TriageQueueLabels['platforms']>;
};

export function mergeQueueLabels(input: TriageQueueLabelsInput | undefined): TriageQueueLabels {
  const d = defaultTriageQueueLabels;
  if (!input) return d;
  return {
    ...d,
    ...input,
    columns: { ...d.columns, ...input.columns },
    markers: { ...d.markers, ...input.markers },
    bands: { ...d.bands, ...input.bands },
    statuses: { ...d.statuses, ...input.statuses },
    slaTargets: { ...d.slaTargets, ...input.slaTargets },
    platforms: { ...d.platforms, ...input.platforms },
    sla: { ...d.sla, ...input.sla },
  };
}
