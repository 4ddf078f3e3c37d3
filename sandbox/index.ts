/** The offline Amazon Pay + eComCharge emulator: one core, served over node:http or used in-process. */
export { createSandbox, type Sandbox, type SandboxOptions } from './sandbox';
export { startSandboxServer, type SandboxServer, type SandboxServerOptions } from './server';
export { createClock, type SandboxClock } from './clock';
export { TEST_BUYERS } from './buyers';
export { snsStringToSign, verifySnsEnvelope, TOPIC_ARN, type SnsEnvelope, type IpnMessage, type NotificationRecord } from './ipn';
export { sandboxMswHandlers } from './msw';
export { ECOMCHARGE_PAGE_SIZE } from './ecomcharge';
export { REPORT_FORMAT_VERSION, SETTLEMENT_COLUMNS, TRANSACTION_COLUMNS, PERMISSION_COLUMNS } from './report-format';
