/** Application API v2: reports, in the shapes Chatwoot's report builders answer with. */
import type { SandboxResponse } from '../types';
import type { AccountCall, ChatwootSandbox } from './chatwoot';
import { ok, queryList, queryText, railsNotFound, unauthorized } from './chatwoot-store';

const METRICS = [
	'conversations_count',
	'incoming_messages_count',
	'outgoing_messages_count',
	'avg_first_response_time',
	'avg_resolution_time',
	'resolutions_count',
	'reply_time',
];
const TYPES = ['account', 'agent', 'inbox', 'label', 'team'];

export function reportsApi(cw: ChatwootSandbox, call: AccountCall): SandboxResponse {
	const { req, path, account } = call;
	if (req.method !== 'GET') return railsNotFound();
	if (call.member?.role !== 'administrator')
		return unauthorized('You are not authorized to do this action');
	const q = (k: string) => queryText(req, k);
	const inboxes = [...cw.inboxes.values()].filter((i) => i.account_id === account.id);
	const agents = cw.accountUsers.filter((au) => au.account_id === account.id);
	const teams = [...cw.kind('team').values()].filter((t) => t.account_id === account.id);
	const conversations = [...cw.conversations.values()].filter((c) => c.account_id === account.id);
	const count = (status?: string) =>
		conversations.filter((c) => !status || c.status === status).length;
	switch (path) {
		case '/reports': {
			// Api::V2::Accounts::ReportsController#index: a time series of one metric.
			if (!METRICS.includes(String(q('metric'))))
				return { status: 422, body: { error: 'Invalid metric' } };
			if (!TYPES.includes(String(q('type'))))
				return { status: 422, body: { error: 'Invalid type' } };
			const since = Number(q('since') ?? 1_767_225_600);
			return ok(
				[0, 1, 2].map((i) => ({
					value: String(i + conversations.length),
					timestamp: since + i * 86_400,
				})),
			);
		}
		case '/reports/summary':
			if (!TYPES.includes(String(q('type'))))
				return { status: 422, body: { error: 'Invalid type' } };
			return ok({
				avg_first_response_time: '120.0',
				avg_resolution_time: '3600.0',
				conversations_count: conversations.length,
				incoming_messages_count: [...cw.messages.values()].filter(
					(m) => m.account_id === account.id && m.message_type === 0,
				).length,
				outgoing_messages_count: [...cw.messages.values()].filter(
					(m) => m.account_id === account.id && m.message_type === 1,
				).length,
				reply_time: '300.0',
				resolutions_count: count('resolved'),
				previous: { conversations_count: 0, resolutions_count: 0 },
			});
		case '/reports/conversations':
			// The spec's "/reports/conversations/" (type=agent) routes here too.
			if (q('type') === 'agent') {
				return ok(
					agents
						.filter((au) => !q('user_id') || String(au.user_id) === q('user_id'))
						.map((au) => ({
							id: au.user_id,
							name: cw.users.get(au.user_id)?.name,
							email: cw.users.get(au.user_id)?.email,
							metric: {
								open: conversations.filter(
									(c) => c.assignee_id === au.user_id && c.status === 'open',
								).length,
								unattended: 0,
							},
						})),
				);
			}
			return ok({
				open: count('open'),
				unattended: count('open'),
				unassigned: conversations.filter((c) => c.assignee_id === null).length,
				pending: count('pending'),
			});
		case '/summary_reports/channel': {
			const out: Record<string, Record<string, number>> = {};
			for (const inbox of inboxes) {
				const own = conversations.filter((c) => c.inbox_id === inbox.id);
				out[inbox.channel_type] = {
					open: own.filter((c) => c.status === 'open').length,
					resolved: own.filter((c) => c.status === 'resolved').length,
					pending: own.filter((c) => c.status === 'pending').length,
					snoozed: own.filter((c) => c.status === 'snoozed').length,
					total: own.length,
				};
			}
			return ok(out);
		}
		case '/summary_reports/inbox':
			return ok(
				inboxes.map((i) =>
					summaryRow(i.id, conversations.filter((c) => c.inbox_id === i.id).length),
				),
			);
		case '/summary_reports/agent':
			return ok(
				agents.map((au) =>
					summaryRow(au.user_id, conversations.filter((c) => c.assignee_id === au.user_id).length),
				),
			);
		case '/summary_reports/team':
			return ok(
				teams.map((t) => summaryRow(t.id, conversations.filter((c) => c.team_id === t.id).length)),
			);
		case '/reports/first_response_time_distribution': {
			const out: Record<string, Record<string, number>> = {};
			for (const inbox of inboxes)
				out[inbox.channel_type] = { '0-1h': 1, '1-4h': 0, '4-8h': 0, '8-24h': 0, '24h+': 0 };
			return ok(out);
		}
		case '/reports/inbox_label_matrix': {
			const inboxIds = queryList(req, 'inbox_ids').map(Number);
			const labelIds = queryList(req, 'label_ids').map(Number);
			const rows = inboxes.filter((i) => !inboxIds.length || inboxIds.includes(i.id));
			const labels = [...cw.kind('label').values()].filter(
				(l) => l.account_id === account.id && (!labelIds.length || labelIds.includes(l.id)),
			);
			return ok({
				inboxes: rows.map((i) => ({ id: i.id, name: i.name })),
				labels: labels.map((l) => ({ id: l.id, title: l.title })),
				matrix: rows.map((i) =>
					labels.map(
						(l) =>
							conversations.filter((c) => c.inbox_id === i.id && c.labels.includes(String(l.title)))
								.length,
					),
				),
			});
		}
		case '/reports/outgoing_messages_count': {
			const by = q('group_by');
			if (!['agent', 'team', 'inbox', 'label'].includes(String(by)))
				return { status: 422, body: { error: 'Invalid group_by' } };
			const rows =
				by === 'agent'
					? agents.map((au) => ({ id: au.user_id, name: cw.users.get(au.user_id)?.name }))
					: by === 'inbox'
						? inboxes.map((i) => ({ id: i.id, name: i.name }))
						: by === 'team'
							? teams.map((t) => ({ id: t.id, name: t.name }))
							: [...cw.kind('label').values()].map((l) => ({ id: l.id, name: l.title }));
			return ok(
				rows.map((r) => ({
					...r,
					outgoing_messages_count: [...cw.messages.values()].filter(
						(m) =>
							m.account_id === account.id &&
							m.message_type === 1 &&
							(by !== 'agent' || m.sender.id === r.id),
					).length,
				})),
			);
		}
		default:
			return railsNotFound();
	}
}

function summaryRow(id: number, conversations: number) {
	return {
		id,
		conversations_count: conversations,
		resolved_conversations_count: 0,
		avg_resolution_time: null,
		avg_first_response_time: null,
		avg_reply_time: null,
	};
}
