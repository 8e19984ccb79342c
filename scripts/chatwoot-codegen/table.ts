/** Every generated Chatwoot operation, in the order of the README table. */
import { ACCOUNT_OPERATIONS } from './table-account';
import { CLIENT_OPERATIONS } from './table-client';
import { CONVERSATION_OPERATIONS } from './table-conversations';
import { HELP_CENTER_OPERATIONS } from './table-help-center';
import { PLATFORM_OPERATIONS } from './table-platform';
import { REPORT_OPERATIONS } from './table-reports';
import type { GeneratedOperation } from './types';

export const GENERATED_OPERATIONS: GeneratedOperation[] = [
	...PLATFORM_OPERATIONS,
	...ACCOUNT_OPERATIONS,
	...CONVERSATION_OPERATIONS,
	...HELP_CENTER_OPERATIONS,
	...REPORT_OPERATIONS,
	...CLIENT_OPERATIONS,
];
