/**
 * The README's table of every Chatwoot resource and operation, with the request each sends,
 * written between the `chatwoot-operations` markers by `npm run generate:chatwoot`.
 */
import { chatwootOperations, chatwootResources } from '../../nodes/Chatwoot/actions';
import { apiFamily, BOT_OPERATIONS } from '../../nodes/Chatwoot/transport';
import { findOperation, type SpecDocument } from './spec';
import type { GeneratedOperation } from './types';

export const README_START = '<!-- chatwoot-operations:start (npm run generate:chatwoot) -->';
export const README_END = '<!-- chatwoot-operations:end -->';

/** Requests of the hand-written operations (the generated ones come from the spec). */
const HAND_WRITTEN: Record<string, string> = {
	'platformUser.create': 'POST /platform/api/v1/users',
	'platformUser.get': 'GET /platform/api/v1/users/{id}',
	'platformUser.update': 'PATCH /platform/api/v1/users/{id}',
	'platformUser.delete': 'DELETE /platform/api/v1/users/{id}',
	'platformUser.getLoginLink': 'GET /platform/api/v1/users/{id}/login',
	'platformUser.getAccessToken': 'POST /platform/api/v1/users/{id}/token',
	'platformUser.addToAccount': 'POST /platform/api/v1/accounts/{account_id}/account_users',
	'platformUser.removeFromAccount': 'DELETE /platform/api/v1/accounts/{account_id}/account_users',
	'agent.create': 'POST …/agents',
	'agent.getAll': 'GET …/agents',
	'agent.update': 'PATCH …/agents/{id}',
	'agent.delete': 'DELETE …/agents/{id}',
	'agent.sync': 'GET …/agents, then POST …/agents, PATCH / DELETE …/agents/{id}',
	'contact.create': 'POST …/contacts',
	'contact.upsert': 'GET …/contacts/search, then PUT …/contacts/{id} or POST …/contacts',
	'contact.get': 'GET …/contacts/{id}',
	'contact.search': 'GET …/contacts/search',
	'contact.filter': 'POST …/contacts/filter',
	'contact.update': 'PUT …/contacts/{id}',
	'contact.delete': 'DELETE …/contacts/{id}',
	'contact.sync':
		'GET …/contacts, then POST …/contacts, PUT / DELETE …/contacts/{id}, POST …/contacts/{id}/labels',
	'contact.import': 'POST …/contacts/import (multipart)',
	'conversation.filter': 'POST …/conversations/filter',
	'message.create':
		'POST …/conversations/{conversation_id}/messages (JSON, or multipart with files)',
	'message.getAll': 'GET …/conversations/{conversation_id}/messages (before / after)',
};

/** Operations on routes the spec leaves out. */
const NOT_IN_SPEC = new Set(['platformUser.getAccessToken', 'contact.import']);

const ACCESS: Record<string, string> = {
	platform: 'platform app token',
	account: 'user access token',
	profile: 'user access token',
	reports: 'user access token',
	client: 'none (inbox identifier)',
	survey: 'none',
};

function requestOf(
	key: string,
	generated: Map<string, GeneratedOperation>,
	spec: SpecDocument,
): string {
	const op = generated.get(key);
	if (!op) {
		const hand = HAND_WRITTEN[key];
		if (!hand) throw new Error(`README: no request written down for ${key}`);
		return hand;
	}
	const s = findOperation(spec, op.spec);
	return `${s.method} ${s.path.replace('/api/v1/accounts/{account_id}', '…')}`;
}

export function readmeTable(spec: SpecDocument, ops: GeneratedOperation[]): string {
	const generated = new Map(ops.map((o) => [`${o.resource}.${o.operation}`, o]));
	const lines = [
		README_START,
		'',
		"`…` is `/api/v1/accounts/{Account ID}`. ¹ In Chatwoot's routes, not in its API spec. ² Also takes an agent bot token (Authentication: Agent Bot Token).",
		'',
		'| resource | operation | what it does | request | token |',
		'|---|---|---|---|---|',
	];
	for (const resource of [...chatwootResources].sort((a, b) => a.name.localeCompare(b.name))) {
		const ops = chatwootOperations
			.filter((o) => o.resource === resource.value)
			.sort((a, b) => a.name.localeCompare(b.name));
		ops.forEach((op, i) => {
			const key = `${op.resource}.${op.operation}`;
			const bot = BOT_OPERATIONS[op.resource]?.includes(op.operation) ? ' ²' : '';
			const request = requestOf(key, generated, spec).replace(/\|/g, '\\|');
			const note = NOT_IN_SPEC.has(key) ? ' ¹' : '';
			lines.push(
				`| ${i === 0 ? `**${resource.name}**` : ''} | ${op.name} | ${op.description} | \`${request}\`${note} | ${ACCESS[apiFamily(op.resource)]}${bot} |`,
			);
		});
	}
	lines.push('', README_END);
	return lines.join('\n');
}

/** README text with the table replaced (or an error when the markers are missing). */
export function withTable(readme: string, table: string): string {
	const start = readme.indexOf(README_START);
	const end = readme.indexOf(README_END);
	if (start < 0 || end < start) throw new Error('README.md lacks the chatwoot-operations markers');
	return `${readme.slice(0, start)}${table}${readme.slice(end + README_END.length)}`;
}
