export { defineOperation, type OperationDefinition } from './define';
export { asObject, toResults } from './results';
export * from './types';
