export * from './CapacityGauge';
