export * from './events';
export * from './programme';
export * from './users';
export * from './registration';
export * from './payments';
export * from './email';
export * from './links';
