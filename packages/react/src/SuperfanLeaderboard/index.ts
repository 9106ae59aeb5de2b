export * from './SuperfanLeaderboard';
