/**
 * What a user reads when a service refuses the credential (or the call), for every platform: the
 * answers as the vendors document them, through the shared error text. A refused credential
 * names what was refused and the field to check; a status code appears once; the request line
 * is the full path as the vendor writes it.
 *
 * Chatwoot's texts name the token kind the resource needs and what the one sent looked like.
 */
import type { ICredentialDataDecryptedObject, INode } from 'n8n-workflow';

import { httpError } from '../../nodes/shared/client/messages';
import type { Platform, RequestSpec } from '../../nodes/shared/types';
import { activePlatformPlatform } from '../../nodes/ActivePlatform/transport';
import { chatwootPlatform } from '../../nodes/Chatwoot/transport';
import { davintooPlatform } from '../../nodes/Davintoo/transport';
import { keepnetPlatform } from '../../nodes/Keepnet/transport';
import { keitaroPlatform } from '../../nodes/Keitaro/transport';

const node: INode = {
	id: 'n1',
	name: 'Node',
	type: 'n8n-nodes-user-provisioning.test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

interface Row {
	platform: Platform;
	/** Credential values as a user types them; the base URL comes from the platform's own rule. */
	credentials: ICredentialDataDecryptedObject;
	resource: string;
	request: RequestSpec;
	status: number;
	/** The answer body as the vendor documents it (or, where the docs show none, as such servers send it). */
	body: unknown;
	message: string;
	description: string;
}

const keitaro = {
	platform: keitaroPlatform,
	credentials: { url: 'https://tracker.example.com' },
	resource: 'user',
};
const keepnet = { platform: keepnetPlatform, credentials: { baseUrl: '' }, resource: 'targetUser' };
const activePlatform = {
	platform: activePlatformPlatform,
	credentials: { url: 'https://billing.example.com' },
	resource: 'user',
};
const davintoo = {
	platform: davintooPlatform,
	credentials: { url: 'https://acme.davintoo.com' },
	resource: 'user',
};
const chatwootAccount = {
	platform: chatwootPlatform,
	credentials: { url: 'https://chat.example.com', accountId: 3 },
	resource: 'contact',
};
const chatwootPlatformApi = {
	platform: chatwootPlatform,
	credentials: { url: 'https://chat.example.com' },
	resource: 'platformUser',
};

const GET = (path: string): RequestSpec => ({ method: 'GET', path });
const POST = (path: string): RequestSpec => ({ method: 'POST', path });

const rows: Array<[string, Row]> = [
	// keitaro.md: 401 "Access denied" for a bad or missing key; {"error": "..."} bodies; 402 outside the Business edition.
	[
		'Keitaro: a wrong API key',
		{
			...keitaro,
			request: GET('/users'),
			status: 401,
			body: { error: 'Access denied' },
			message:
				'Keitaro refused the API Key (HTTP 401, "Access denied"). Check the API Key in the Keitaro credential.',
			description: 'GET /admin_api/v1/users',
		},
	],
	[
		'Keitaro: a tracker installed below a path keeps that path in the request line',
		{
			...keitaro,
			credentials: { url: 'https://example.com/tracker/' },
			request: POST('/users'),
			status: 401,
			body: { error: 'Access denied' },
			message:
				'Keitaro refused the API Key (HTTP 401, "Access denied"). Check the API Key in the Keitaro credential.',
			description: 'POST /tracker/admin_api/v1/users',
		},
	],
	[
		'Keitaro: an edition without the Admin API',
		{
			...keitaro,
			request: GET('/users'),
			status: 402,
			body: { error: 'Admin API is not available in that edition' },
			message: 'Keitaro 402: Admin API is not available in that edition',
			description:
				"The Admin API needs Keitaro's Business edition; this tracker runs another edition. — GET /admin_api/v1/users",
		},
	],
	// keepnet.md: the token endpoint answers 400 invalid_client to wrong credentials; 401 for a missing or invalid token; 403 for a role without the permission.
	[
		'Keepnet: a wrong Client ID or Client Secret (the token request)',
		{
			...keepnet,
			request: GET('/api/target-users/abC123'),
			status: 400,
			body: { error: 'invalid_client' },
			message:
				'Keepnet refused the Client ID or Client Secret when n8n asked for an access token (HTTP 400, "invalid_client"). Check the Client ID and Client Secret in the Keepnet credential.',
			description:
				'Keepnet lists its REST API clients under Company > Company Settings > REST API and shows a secret only once: make a new client if it is lost. — GET /api/target-users/abC123',
		},
	],
	[
		'Keepnet: a token refused even after a fresh one',
		{
			...keepnet,
			request: POST('/api/target-users/search'),
			status: 401,
			body: '',
			message:
				'Keepnet refused the access token of this Client ID, even after n8n fetched a new one (HTTP 401). Check in Keepnet that the REST API client is active and that its IP restriction lets n8n in.',
			description: 'POST /api/target-users/search',
		},
	],
	[
		'Keepnet: a client role without the permission',
		{
			...keepnet,
			request: POST('/api/target-users'),
			status: 403,
			body: '',
			message: 'Keepnet 403: Forbidden: the credential may not do this',
			description:
				"The REST API client's role lacks this permission, or (with a Company ID in the credential) it may not act in that company. — POST /api/target-users",
		},
	],
	// activeplatform.md: {"error": "..."} bodies; the 401 text is not documented, so the usual server answers are covered.
	[
		'ActivePlatform: a wrong token, {"error": "Unauthorized"}',
		{
			...activePlatform,
			request: GET('/api/vendor/v1/users/7.json'),
			status: 401,
			body: { error: 'Unauthorized' },
			message:
				'ActivePlatform refused the API Token (HTTP 401). Check the API Token in the ActivePlatform credential.',
			description:
				"A manager's token is made in the Operator Control Panel (Managers > the manager > Regenerate Token); regenerating it makes the old one stop working. — GET /api/vendor/v1/users/7.json",
		},
	],
	[
		'ActivePlatform: a wrong token answered in plain text "401 Unauthorized" (no doubled code)',
		{
			...activePlatform,
			request: POST('/api/vendor/v1/users.json'),
			status: 401,
			body: '401 Unauthorized',
			message:
				'ActivePlatform refused the API Token (HTTP 401). Check the API Token in the ActivePlatform credential.',
			description:
				"A manager's token is made in the Operator Control Panel (Managers > the manager > Regenerate Token); regenerating it makes the old one stop working. — POST /api/vendor/v1/users.json",
		},
	],
	[
		'ActivePlatform: no token at all',
		{
			...activePlatform,
			request: GET('/api/vendor/v1/users.json'),
			status: 401,
			body: { error: 'api_token is missing' },
			message:
				'ActivePlatform refused the API Token (HTTP 401, "api_token is missing"). Check the API Token in the ActivePlatform credential.',
			description:
				"A manager's token is made in the Operator Control Panel (Managers > the manager > Regenerate Token); regenerating it makes the old one stop working. — GET /api/vendor/v1/users.json",
		},
	],
	[
		'ActivePlatform: a plain-text "404 Not Found" says its code once',
		{
			...activePlatform,
			request: GET('/api/vendor/v1/users/7.json'),
			status: 404,
			body: '404 Not Found',
			message: 'ActivePlatform 404: Not Found',
			description: 'GET /api/vendor/v1/users/7.json',
		},
	],
	// davintoo.md: API v2 answers non-2xx with one {"<key>": "<message>"} pair.
	[
		'Davintoo: a wrong or expired API token',
		{
			...davintoo,
			request: GET('/users/list'),
			status: 401,
			body: { message: 'Your request was made with invalid credentials.' },
			message:
				'Davintoo refused the API Token (HTTP 401, "Your request was made with invalid credentials."). Check the API Token in the Davintoo credential.',
			description:
				'Tokens are made on the portal page Security and notifications (LMS 2.43 or later) and expire after the period chosen there. — GET /api/v2/users/list',
		},
	],
	[
		'Davintoo: a token whose user lacks the right',
		{
			...davintoo,
			request: POST('/users-import/single'),
			status: 403,
			body: { message: 'You are not allowed to perform this action.' },
			message: 'Davintoo 403: You are not allowed to perform this action.',
			description:
				"The token's user may lack the right this call needs. Tokens are made on the portal page Security and notifications. — POST /api/v2/users-import/single",
		},
	],
	// chatwoot.md: one header for every token kind; each API answers 401 with its own text.
	[
		'Chatwoot: a user token on the Platform API',
		{
			...chatwootPlatformApi,
			request: POST('/users'),
			status: 401,
			body: { error: 'Invalid access_token' },
			message:
				"Chatwoot 401: Invalid access_token. Platform operations need a platform app token (Super Admin > Platform Apps) in the \"Chatwoot Platform API\" credential; Chatwoot did not take this one as a platform app's token (wrong or deleted, or a user's or agent bot's token)",
			description:
				'The Platform API exists only on self-hosted installations; check the installation URL and the platform app token. — POST /platform/api/v1/users',
		},
	],
	[
		'Chatwoot: a wrong or reset user token on the account API',
		{
			...chatwootAccount,
			request: GET('/contacts'),
			status: 401,
			body: { error: 'Invalid Access Token' },
			message:
				'Chatwoot 401: Invalid Access Token. Chatwoot does not know the user access token (Profile Settings > Access Token) in the "Chatwoot API" credential: it is wrong, or was reset since; copy it again',
			description: 'GET /api/v1/accounts/3/contacts',
		},
	],
	[
		'Chatwoot: a user who may not do this',
		{
			...chatwootAccount,
			resource: 'agent',
			request: POST('/agents'),
			status: 401,
			body: { error: 'You are not authorized to do this action' },
			message: 'Chatwoot 401: You are not authorized to do this action',
			description:
				'This operation needs a user who is an administrator of the account. — POST /api/v1/accounts/3/agents',
		},
	],
	[
		"Chatwoot: a user outside the credential's account",
		{
			...chatwootAccount,
			request: GET('/contacts'),
			status: 401,
			body: { error: 'You are not authorized to access this account' },
			message: 'Chatwoot 401: You are not authorized to access this account',
			description:
				'Check the Account ID in the "Chatwoot API" credential: the token\'s user is not a member of that account. — GET /api/v1/accounts/3/contacts',
		},
	],
	[
		"Chatwoot: a platform app's token on a user it did not create",
		{
			...chatwootPlatformApi,
			request: GET('/users/9'),
			status: 401,
			body: { error: 'Non permissible resource' },
			message:
				'Chatwoot 401: Non permissible resource. This platform app may only manage users, accounts and agent bots it created itself (or was given access to)',
			description:
				'Users, accounts and bots made by another platform app or in the Chatwoot UI are off limits to this token; create or fetch them with this platform app first. — GET /platform/api/v1/users/9',
		},
	],
	[
		'Chatwoot: an agent bot token on an account endpoint',
		{
			...chatwootAccount,
			request: GET('/contacts'),
			status: 401,
			body: { error: 'Access to this endpoint is not authorized for bots' },
			message:
				'Chatwoot 401: Access to this endpoint is not authorized for bots. This operation needs a user access token (Profile Settings > Access Token) in the "Chatwoot API" credential; the token there belongs to an agent bot or a platform app',
			description: 'GET /api/v1/accounts/3/contacts',
		},
	],
];

describe('refusal texts, as users read them', () => {
	it.each(rows)('%s', (_name, row) => {
		const base = row.platform.baseUrl(row.credentials, row.resource);
		const place = {
			node,
			platform: row.platform,
			resource: row.resource,
			itemIndex: 0,
			secrets: [],
			tries: 1,
			base,
		};
		const error = httpError(place, row.request, {
			statusCode: row.status,
			headers: {},
			body: row.body,
		}) as Error & { description?: string };
		expect({ message: error.message, description: error.description }).toEqual({
			message: row.message,
			description: row.description,
		});
	});

	it('a refusal seen after retries says how many tries, inside its parentheses', () => {
		const place = {
			node,
			platform: keitaroPlatform,
			resource: 'user',
			itemIndex: 0,
			secrets: [],
			tries: 2,
			base: 'https://t.example.com/admin_api/v1',
		};
		const error = httpError(place, GET('/users'), {
			statusCode: 401,
			headers: {},
			body: { error: 'Access denied' },
		});
		expect(error.message).toBe(
			'Keitaro refused the API Key (HTTP 401, "Access denied", after 2 tries). Check the API Key in the Keitaro credential.',
		);
	});
});
