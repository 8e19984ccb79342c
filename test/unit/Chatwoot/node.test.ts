import { chatwootOperations, chatwootResources } from '../../../nodes/Chatwoot/actions';
import { Chatwoot } from '../../../nodes/Chatwoot/Chatwoot.node';
import { LIST_SEARCHES } from '../../../nodes/Chatwoot/helpers/locators';
import {
	chatwootErrorHint,
	chatwootErrorMessage,
	chatwootPlatform,
} from '../../../nodes/Chatwoot/transport';

describe('Chatwoot node (pure parts)', () => {
	it('keeps every user-provisioning operation as it was', () => {
		const names = (resource: string) =>
			chatwootOperations
				.filter((o) => o.resource === resource)
				.map((o) => o.operation)
				.sort();
		expect(chatwootResources.slice(0, 3).map((r) => r.value)).toEqual([
			'platformUser',
			'agent',
			'contact',
		]);
		expect(names('platformUser')).toEqual(
			expect.arrayContaining([
				'addToAccount',
				'create',
				'delete',
				'get',
				'getLoginLink',
				'removeFromAccount',
				'update',
			]),
		);
		expect(names('agent')).toEqual(
			expect.arrayContaining(['create', 'delete', 'getAll', 'sync', 'update']),
		);
		expect(names('contact')).toEqual(
			expect.arrayContaining([
				'create',
				'delete',
				'filter',
				'get',
				'search',
				'sync',
				'update',
				'upsert',
			]),
		);
	});

	it('every resource has operations, and every operation a resource', () => {
		const resources = new Set(chatwootResources.map((r) => r.value));
		expect(chatwootOperations.filter((o) => !resources.has(o.resource))).toEqual([]);
		for (const r of resources)
			expect({ r, has: chatwootOperations.some((o) => o.resource === r) }).toEqual({
				r,
				has: true,
			});
		expect(
			chatwootResources
				.map((r) => r.name)
				.every((n) => /^[A-Z][A-Za-z]*( [A-Z][A-Za-z-]*)*$/.test(n)),
		).toBe(true);
	});

	it('lists are declarative paging, Create or Update a declarative upsert, nothing hand-run', () => {
		const kinds = Object.fromEntries(
			chatwootOperations.map((o) => [`${o.resource}.${o.operation}`, o.kind]),
		);
		expect(kinds).toMatchObject({
			'agent.getAll': 'paging',
			'contact.search': 'paging',
			'contact.filter': 'paging',
			'contact.upsert': 'upsert',
			'conversation.getAll': 'paging',
			'message.getAll': 'paging',
		});
		expect(Object.values(kinds)).not.toContain('run');
	});

	it('the node shows each credential for its API; Authentication picks the agent bot credential', () => {
		const { credentials, usableAsTool } = new Chatwoot().description;
		expect(usableAsTool).toBe(true);
		expect(credentials?.map((c) => c.name)).toEqual([
			'chatwootPlatformApi',
			'chatwootApi',
			'chatwootAgentBotApi',
			'chatwootClientApi',
		]);
		expect(credentials?.[2].displayOptions).toEqual({
			show: { resource: ['conversation', 'message'], authenticateAs: ['agentBotToken'] },
		});
		expect(credentials?.[1].displayOptions?.hide).toEqual({ authenticateAs: ['agentBotToken'] });
		const read = (values: Record<string, string>) => (name: string) => values[name];
		expect(chatwootPlatform.credentialType('platformUser')).toBe('chatwootPlatformApi');
		expect(chatwootPlatform.credentialType('platformAccount')).toBe('chatwootPlatformApi');
		expect(chatwootPlatform.credentialType('contact')).toBe('chatwootApi');
		expect(chatwootPlatform.credentialType('report')).toBe('chatwootApi');
		expect(chatwootPlatform.credentialType('clientMessage')).toBe('chatwootClientApi');
		expect(
			chatwootPlatform.credentialType(
				'message',
				read({ operation: 'create', authenticateAs: 'agentBotToken' }),
			),
		).toBe('chatwootAgentBotApi');
		// Only the operations Chatwoot lets bots call: a leftover Authentication value elsewhere is ignored.
		expect(
			chatwootPlatform.credentialType(
				'message',
				read({ operation: 'getAll', authenticateAs: 'agentBotToken' }),
			),
		).toBe('chatwootApi');
		expect(
			chatwootPlatform.credentialType(
				'conversation',
				read({ operation: 'toggleTypingStatus', authenticateAs: 'agentBotToken' }),
			),
		).toBe('chatwootApi');
	});

	it('every locator with "From List" has its listSearch method on the node', () => {
		const methods = Object.keys(new Chatwoot().methods.listSearch);
		const used = new Set<string>();
		for (const op of chatwootOperations) {
			for (const p of op.properties) {
				for (const mode of p.modes ?? [])
					if (mode.typeOptions?.searchListMethod) used.add(mode.typeOptions.searchListMethod);
			}
		}
		expect([...used].filter((m) => !methods.includes(m))).toEqual([]);
		expect(methods.sort()).toEqual(Object.keys(LIST_SEARCHES).sort());
	});

	it('error bodies: {message}, {error}, {errors: []}, {error: {field: [..]}}', () => {
		expect(
			chatwootErrorMessage(
				422,
				{ message: 'Email has already been taken', attributes: ['email'] },
				'contact',
			),
		).toBe('Email has already been taken');
		expect(chatwootErrorMessage(404, { error: 'Resource could not be found' }, 'contact')).toBe(
			'Resource could not be found',
		);
		expect(
			chatwootErrorMessage(
				400,
				{ errors: [{ field: 'x', message: 'is bad' }, { message: 'also' }] },
				'contact',
			),
		).toBe('is bad, also');
		expect(chatwootErrorMessage(422, { error: { name: ['is too short'] } }, 'customFilter')).toBe(
			'name is too short',
		);
		expect(chatwootErrorMessage(502, '<html>Bad gateway</html>', 'contact')).toBeUndefined();
	});

	it('401s tell a wrong or reset token apart from the wrong kind, and name the credential', () => {
		expect(chatwootErrorMessage(401, { error: 'Invalid access_token' }, 'platformUser')).toMatch(
			/^Invalid access_token\. Platform operations need a platform app token .* "Chatwoot Platform API" credential/,
		);
		expect(chatwootErrorMessage(401, { error: 'Invalid Access Token' }, 'agent')).toMatch(
			/^Invalid Access Token\. Chatwoot does not know the user access token \(Profile Settings > Access Token\) in the "Chatwoot API" credential/,
		);
		expect(
			chatwootErrorMessage(
				401,
				{ error: 'Invalid Access Token' },
				'message',
				'chatwootAgentBotApi',
			),
		).toMatch(
			/does not know the agent bot token \(Settings > Bots\) in the "Chatwoot Agent Bot API" credential/,
		);
		expect(
			chatwootErrorMessage(
				401,
				{ error: 'Access to this endpoint is not authorized for bots' },
				'label',
			),
		).toMatch(
			/needs a user access token .* the token there belongs to an agent bot or a platform app$/,
		);
		expect(chatwootErrorMessage(401, '', 'agent')).toMatch(
			/^Unauthorized\. Chatwoot does not know the user access token/,
		);
		expect(
			chatwootErrorHint(
				401,
				{ error: 'You are not authorized to access this account' },
				'message',
				'chatwootAgentBotApi',
			),
		).toContain('the bot is connected to no inbox');
		expect(
			chatwootErrorHint(404, { error: 'Resource could not be found' }, 'clientContact'),
		).toContain('inbox identifier');
	});
});
