export * from './VolumeChart';
