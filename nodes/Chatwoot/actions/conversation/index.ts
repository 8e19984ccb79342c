import type { Operation } from '../../../shared/operation';
import { assign } from './assign.operation';
import { create } from './create.operation';
import { filter } from './filter.operation';
import { get } from './get.operation';
import { getAll } from './getAll.operation';
import { getCounts } from './getCounts.operation';
import { getLabels } from './getLabels.operation';
import { getReportingEvents } from './getReportingEvents.operation';
import { setLabels } from './setLabels.operation';
import { togglePriority } from './togglePriority.operation';
import { toggleStatus } from './toggleStatus.operation';
import { toggleTypingStatus } from './toggleTypingStatus.operation';
import { update } from './update.operation';
import { updateCustomAttributes } from './updateCustomAttributes.operation';

export const conversationOperations: Operation[] = [
	create,
	get,
	getAll,
	filter,
	getCounts,
	update,
	toggleStatus,
	togglePriority,
	toggleTypingStatus,
	updateCustomAttributes,
	assign,
	getLabels,
	setLabels,
	getReportingEvents,
];
