import { chatwootOperations, chatwootResources } from '../../../nodes/Chatwoot/actions';
import { Chatwoot } from '../../../nodes/Chatwoot/Chatwoot.node';
import { chatwootErrorMessage, chatwootPlatform } from '../../../nodes/Chatwoot/transport';

describe('Chatwoot node (pure parts)', () => {
	it('lists every operation the issue asks for, per resource', () => {
		const names = (resource: string) => chatwootOperations.filter((o) => o.resource === resource).map((o) => o.operation).sort();
		expect(chatwootResources.map((r) => r.value)).toEqual(['platformUser', 'agent', 'contact']);
		expect(names('platformUser')).toEqual(['addToAccount', 'create', 'delete', 'get', 'getLoginLink', 'removeFromAccount', 'update']);
		expect(names('agent')).toEqual(['create', 'delete', 'getAll', 'sync', 'update']);
		expect(names('contact')).toEqual(['create', 'delete', 'filter', 'get', 'search', 'sync', 'update', 'upsert']);
	});

	it('lists are declarative paging, Create or Update is a declarative upsert, nothing hand-written', () => {
		const kinds = Object.fromEntries(chatwootOperations.map((o) => [`${o.resource}.${o.operation}`, o.kind]));
		expect(kinds).toMatchObject({
			'agent.getAll': 'paging',
			'contact.search': 'paging',
			'contact.filter': 'paging',
			'contact.upsert': 'upsert',
		});
		expect(Object.values(kinds)).not.toContain('run');
	});

	it('the node shows each credential only for its resources', () => {
		const { credentials, usableAsTool } = new Chatwoot().description;
		expect(usableAsTool).toBe(true);
		expect(credentials).toEqual([
			{ name: 'chatwootPlatformApi', required: true, displayOptions: { show: { resource: ['platformUser'] } } },
			{ name: 'chatwootApi', required: true, displayOptions: { show: { resource: ['agent', 'contact'] } } },
		]);
		expect(chatwootPlatform.credentialType('platformUser')).toBe('chatwootPlatformApi');
		expect(chatwootPlatform.credentialType('contact')).toBe('chatwootApi');
	});

	it('error bodies: {message}, {error}, {errors: []}, and 401s that name the token kind', () => {
		expect(chatwootErrorMessage(422, { message: 'Email has already been taken', attributes: ['email'] }, 'contact')).toBe(
			'Email has already been taken',
		);
		expect(chatwootErrorMessage(404, { error: 'Resource could not be found' }, 'contact')).toBe('Resource could not be found');
		expect(chatwootErrorMessage(400, { errors: [{ field: 'x', message: 'is bad' }, { message: 'also' }] }, 'contact')).toBe('is bad, also');
		expect(chatwootErrorMessage(502, '<html>Bad gateway</html>', 'contact')).toBeUndefined();
		expect(chatwootErrorMessage(401, { error: 'Invalid access_token' }, 'platformUser')).toMatch(/^Invalid access_token\. Platform User operations need a platform app token/);
		expect(chatwootErrorMessage(401, { error: 'Invalid Access Token' }, 'agent')).toMatch(/^Invalid Access Token\. Agent and Contact operations need a user access token/);
		expect(chatwootErrorMessage(401, '', 'agent')).toMatch(/^Unauthorized\. Agent and Contact operations/);
	});
});
