/**
 * @rapport/core/sample: a deterministic, realistic sample world for stories, tests, benchmarks and docs.
 */
export {
  createSampleWorld,
  generateSampleEvents,
  generateSampleMentions,
  sampleIncidents,
  SAMPLE_DEFAULT_START,
} from './world';
export type {
  SampleBrand,
  SampleEvent,
  SampleIncident,
  SampleKind,
  SampleLabel,
  SampleRole,
  SampleWorld,
  SampleWorldOptions,
} from './world';
