export * from './MemberProfile';
