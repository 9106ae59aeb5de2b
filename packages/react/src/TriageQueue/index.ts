export * from './TriageQueue';
export {
  defaultTriageQueueLabels,
  type TriageQueueLabels,
  type TriageQueueLabelsInput,
} from './labels';
