export * from './ConversationView';
