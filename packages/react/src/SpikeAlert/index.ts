export * from './SpikeAlert';
