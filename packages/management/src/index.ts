export { createManagementClient, type ManagementClientConfig } from './create-management-client.js';
export * from './generated/index.js';
