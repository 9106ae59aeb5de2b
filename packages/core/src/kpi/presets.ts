import type { DataSource, GoalDepartment, GoalTree, Kpi, Objective } from './types';

/** Departments in the order social media serves them: service first, marketing last. */
export const DEPARTMENT_ORDER: readonly GoalDepartment[] = [
  'service',
  'product',
  'sales',
  'logistics',
  'hr',
  'marketing',
];

/**
 * The data sources the presets read, with the fields each event carries.
 *
 * - `care`: one event per customer conversation (build them with `careEvents`).
 * - `ideas`: `{ kind: 'idea' | 'bug', origin: 'social' | …, status: 'captured' | 'planned' | 'shipped' }`.
 * - `leads`: `{ socialTouched: boolean, amount: number, stage: string }`.
 * - `incidents`: `{ detectedVia: 'social' | …, leadMs: number }` (how much earlier social caught it).
 * - `applications`: `{ channel: 'social' | …, hired: boolean }`.
 * - `mentions`: `{ brand: boolean }` (ours or a competitor's, for share of voice).
 * - `posts`: the brand's own posts `{ replies, reposts, likes }`.
 * Bases are typical defaults; set them to what your organisation actually relies on.
 */
export const PRESET_SOURCES: readonly DataSource[] = [
  {
    id: 'care',
    name: 'Customer conversations',
    basis: 'legitimate_interest',
    scopes: ['aggregate'],
    personField: 'customerId',
    consentField: 'consent',
    fields: [
      'conversationId',
      'platform',
      'channel',
      'customerId',
      'consent',
      'answered',
      'firstResponseMs',
      'resolved',
      'resolutionMs',
      'awaitingReply',
    ],
  },
  {
    id: 'ideas',
    name: 'Ideas and bug reports',
    basis: 'legitimate_interest',
    scopes: ['aggregate'],
  },
  { id: 'leads', name: 'Sales pipeline', basis: 'contract', scopes: ['aggregate'] },
  {
    id: 'incidents',
    name: 'Logistics incidents',
    basis: 'legitimate_interest',
    scopes: ['aggregate'],
  },
  {
    id: 'applications',
    name: 'Job applications',
    basis: 'consent',
    scopes: ['aggregate'],
    consentField: 'consent',
  },
  { id: 'mentions', name: 'Category mentions', basis: 'platform_terms', scopes: ['aggregate'] },
  { id: 'posts', name: 'Brand posts', basis: 'platform_terms', scopes: ['aggregate'] },
];

/** Options of the presets. */
export interface PresetOptions {
  /** Owner of every KPI (a person or role). */
  owner?: string;
  /** First-response target for the service preset, ms. Default one hour. */
  targetMs?: number;
}

/**
 * The preset KPIs of a department, most important first, for the objective `objective`.
 *
 * Service: response rate, then first response time (median, p90), share answered within target, resolution
 * time. Product: ideas and bugs captured from social, and shipped. Sales: social-touched pipeline. Logistics:
 * incidents caught on social and how much earlier. HR: applications and hires sourced from social. Marketing
 * (last): share of voice, amplification, conversation and applause rates.
 *
 * @example
 * ```ts
 * const kpis = presetKpis('service', 'service-care', { owner: 'Head of care' });
 * kpis[0]!.id; // 'service-care.response_rate'
 * ```
 */
export function presetKpis(
  department: GoalDepartment,
  objective: string,
  options: PresetOptions = {},
): Kpi[] {
  const targetMs = options.targetMs ?? 3_600_000;
  const id = (name: string) => `${objective}.${name}`;
  const common = { objective, ...(options.owner !== undefined && { owner: options.owner }) };
  switch (department) {
    case 'service':
      return [
        {
          ...common,
          id: id('response_rate'),
          name: 'Response rate',
          description: 'Conversations a person answered ÷ conversations customers started.',
          level: 'outcome',
          unit: 'ratio',
          direction: 'increase',
          metric: {
            kind: 'ratio',
            numerator: {
              source: 'care',
              agg: 'count',
              filters: [{ field: 'answered', op: 'eq', value: true }],
            },
            denominator: { source: 'care', agg: 'count' },
          },
        },
        {
          ...common,
          id: id('first_response_median'),
          name: 'First response time (median)',
          description:
            'First customer message → first human reply, median over answered conversations.',
          level: 'outcome',
          unit: 'ms',
          direction: 'decrease',
          metric: {
            kind: 'simple',
            measure: { source: 'care', agg: 'median', field: 'firstResponseMs' },
          },
        },
        {
          ...common,
          id: id('first_response_p90'),
          name: 'First response time (90th percentile)',
          level: 'outcome',
          unit: 'ms',
          direction: 'decrease',
          metric: {
            kind: 'simple',
            measure: {
              source: 'care',
              agg: 'percentile',
              percentile: 90,
              field: 'firstResponseMs',
            },
          },
        },
        {
          ...common,
          id: id('within_target'),
          name: `Answered within ${Math.round(targetMs / 60_000)} minutes`,
          description:
            'Conversations first answered within the target ÷ conversations customers started.',
          level: 'outcome',
          unit: 'ratio',
          direction: 'increase',
          metric: {
            kind: 'ratio',
            numerator: {
              source: 'care',
              agg: 'count',
              filters: [{ field: 'firstResponseMs', op: 'lte', value: targetMs }],
            },
            denominator: { source: 'care', agg: 'count' },
          },
        },
        {
          ...common,
          id: id('resolution_median'),
          name: 'Resolution time (median)',
          level: 'outcome',
          unit: 'ms',
          direction: 'decrease',
          metric: {
            kind: 'simple',
            measure: { source: 'care', agg: 'median', field: 'resolutionMs' },
          },
        },
      ];
    case 'product':
      return [
        {
          ...common,
          id: id('ideas_captured'),
          name: 'Ideas and bugs captured from social',
          level: 'outtake',
          unit: 'count',
          direction: 'increase',
          metric: {
            kind: 'simple',
            measure: {
              source: 'ideas',
              agg: 'count',
              filters: [{ field: 'origin', op: 'eq', value: 'social' }],
            },
          },
        },
        {
          ...common,
          id: id('ideas_shipped'),
          name: 'Social ideas and fixes shipped',
          level: 'outcome',
          unit: 'count',
          direction: 'increase',
          metric: {
            kind: 'simple',
            measure: {
              source: 'ideas',
              agg: 'count',
              filters: [
                { field: 'origin', op: 'eq', value: 'social' },
                { field: 'status', op: 'eq', value: 'shipped' },
              ],
            },
          },
        },
      ];
    case 'sales':
      return [
        {
          ...common,
          id: id('social_pipeline'),
          name: 'Social-touched pipeline',
          level: 'outcome',
          unit: 'currency',
          direction: 'increase',
          metric: {
            kind: 'simple',
            measure: {
              source: 'leads',
              agg: 'sum',
              field: 'amount',
              filters: [{ field: 'socialTouched', op: 'eq', value: true }],
            },
          },
        },
      ];
    case 'logistics':
      return [
        {
          ...common,
          id: id('incidents_caught'),
          name: 'Incidents first caught on social',
          level: 'outcome',
          unit: 'count',
          direction: 'increase',
          metric: {
            kind: 'simple',
            measure: {
              source: 'incidents',
              agg: 'count',
              filters: [{ field: 'detectedVia', op: 'eq', value: 'social' }],
            },
          },
        },
        {
          ...common,
          id: id('incident_lead_time'),
          name: 'How much earlier social caught incidents (median)',
          level: 'outcome',
          unit: 'ms',
          direction: 'increase',
          metric: {
            kind: 'simple',
            measure: {
              source: 'incidents',
              agg: 'median',
              field: 'leadMs',
              filters: [{ field: 'detectedVia', op: 'eq', value: 'social' }],
            },
          },
        },
      ];
    case 'hr':
      return [
        {
          ...common,
          id: id('applications_sourced'),
          name: 'Applications sourced from social',
          level: 'outcome',
          unit: 'count',
          direction: 'increase',
          metric: {
            kind: 'simple',
            measure: {
              source: 'applications',
              agg: 'count',
              filters: [{ field: 'channel', op: 'eq', value: 'social' }],
            },
          },
        },
        {
          ...common,
          id: id('hires_sourced'),
          name: 'Hires sourced from social',
          level: 'impact',
          unit: 'count',
          direction: 'increase',
          metric: {
            kind: 'simple',
            measure: {
              source: 'applications',
              agg: 'count',
              filters: [
                { field: 'channel', op: 'eq', value: 'social' },
                { field: 'hired', op: 'eq', value: true },
              ],
            },
          },
        },
      ];
    case 'marketing':
      return [
        {
          ...common,
          id: id('share_of_voice'),
          name: 'Share of voice',
          description: 'Mentions of the brand ÷ mentions of the brand and its competitors.',
          level: 'outtake',
          unit: 'ratio',
          direction: 'increase',
          metric: {
            kind: 'ratio',
            numerator: {
              source: 'mentions',
              agg: 'count',
              filters: [{ field: 'brand', op: 'eq', value: true }],
            },
            denominator: { source: 'mentions', agg: 'count' },
          },
        },
        {
          ...common,
          id: id('amplification_rate'),
          name: 'Amplification rate (reposts per post)',
          level: 'outtake',
          unit: 'score',
          direction: 'increase',
          metric: {
            kind: 'ratio',
            numerator: { source: 'posts', agg: 'sum', field: 'reposts' },
            denominator: { source: 'posts', agg: 'count' },
          },
        },
        {
          ...common,
          id: id('conversation_rate'),
          name: 'Conversation rate (replies per post)',
          level: 'outtake',
          unit: 'score',
          direction: 'increase',
          metric: {
            kind: 'ratio',
            numerator: { source: 'posts', agg: 'sum', field: 'replies' },
            denominator: { source: 'posts', agg: 'count' },
          },
        },
        {
          ...common,
          id: id('applause_rate'),
          name: 'Applause rate (likes per post)',
          level: 'output',
          unit: 'score',
          direction: 'increase',
          metric: {
            kind: 'ratio',
            numerator: { source: 'posts', agg: 'sum', field: 'likes' },
            denominator: { source: 'posts', agg: 'count' },
          },
        },
      ];
  }
}

/**
 * A complete starter goal tree: one company objective, one objective per department (service first,
 * marketing last) with its preset KPIs, and the preset data sources. No targets: set them from your baselines.
 *
 * @example
 * ```ts
 * const tree = presetGoalTree({ owner: 'Social lead' });
 * evaluateGoals(tree, events, { from, to, now });
 * ```
 */
export function presetGoalTree(
  options: PresetOptions & { departments?: readonly GoalDepartment[] } = {},
): GoalTree {
  const departments = DEPARTMENT_ORDER.filter((d) =>
    (options.departments ?? DEPARTMENT_ORDER).includes(d),
  );
  const company: Objective = {
    id: 'company',
    name: 'Social media serves customers and the business',
    ...(options.owner !== undefined && { owner: options.owner }),
  };
  const objectives: Objective[] = [company];
  const kpis: Kpi[] = [];
  for (const d of departments) {
    const id = `${d}`;
    objectives.push({
      id,
      name: DEPARTMENT_NAMES[d],
      department: d,
      parent: company.id,
      ...(options.owner !== undefined && { owner: options.owner }),
    });
    kpis.push(...presetKpis(d, id, options));
  }
  const used = new Set(
    kpis.flatMap((k) =>
      k.metric.kind === 'ratio'
        ? [k.metric.numerator.source, k.metric.denominator.source]
        : k.metric.kind === 'simple'
          ? [k.metric.measure.source]
          : [],
    ),
  );
  return {
    objectives,
    kpis,
    contributions: [],
    sources: PRESET_SOURCES.filter((s) => used.has(s.id)).map((s) => ({
      ...s,
      scopes: [...s.scopes],
    })),
  };
}

const DEPARTMENT_NAMES: Record<GoalDepartment, string> = {
  service: 'Service: answer every customer fast',
  product: 'Product: turn feedback into fixes and features',
  sales: 'Sales: social conversations become pipeline',
  logistics: 'Logistics: catch delivery problems early',
  hr: 'HR: attract applicants and hires',
  marketing: 'Marketing: be talked about and shared',
};
