import { randomBytes } from 'node:crypto';

import type { SandboxCredential, SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';

export const KEEPNET_CLIENT_ID = 'sandbox-keepnet-client';
export const KEEPNET_CLIENT_SECRET = 'sandbox-keepnet-secret-7c1d9e';
/** A reseller client: may act in a customer company through X-KEEPNET-Company-Id. */
export const KEEPNET_RESELLER_ID = 'sandbox-keepnet-reseller';
export const KEEPNET_RESELLER_SECRET = 'sandbox-keepnet-reseller-secret-51aa';
export const KEEPNET_OWN_COMPANY = 'cmpOwn0001';
export const KEEPNET_CUSTOMER_COMPANY = 'cmpCust0042';

const PRIORITIES = ['Low', 'Medium', 'High'];
const CREATE_FIELDS = [
	'email',
	'firstName',
	'lastName',
	'department',
	'priority',
	'isActive',
	'customFields',
	'phoneNumber',
	'targetGroupResourceIds',
	'timeZoneId',
	'preferredLanguageId',
	'managerFirstName',
	'managerLastName',
	'managerEmail',
];
/** Max lengths per the published spec: create and update differ. */
const LIMITS = {
	create: {
		email: 320,
		firstName: 256,
		lastName: 256,
		department: 256,
		managerFirstName: 256,
		managerLastName: 256,
		managerEmail: 320,
	},
	update: {
		email: 320,
		firstName: 40,
		lastName: 40,
		department: 64,
		managerFirstName: 40,
		managerLastName: 40,
		managerEmail: 320,
	},
} as const;

export interface KeepnetCustomFieldValue {
	resourceId: string | null;
	name: string | null;
	dataType: string | null;
	value: string | null;
	timestampValue: string | null;
}

export interface KeepnetSandboxUser {
	resourceId: string;
	companyId: string;
	email: string;
	firstName: string | null;
	lastName: string | null;
	department: string | null;
	priority: string | null;
	isActive: boolean;
	phoneNumber: string | null;
	customFieldValues: KeepnetCustomFieldValue[];
	timeZoneId: string | null;
	preferredLanguageId: string | null;
	managerFirstName: string | null;
	managerLastName: string | null;
	managerEmail: string | null;
	groups: string[];
	createTime: string;
}

interface Client {
	secret: string;
	company: string;
	reseller: boolean;
}

interface Token {
	clientId: string;
	expiresAt: number;
}

type Body = Record<string, unknown>;

const ok = (data: unknown): SandboxResponse => ({
	status: 200,
	body: { data, status: 'Success', message: null, validationMessages: null },
});
const invalid = (messages: string[]): SandboxResponse => ({
	status: 400,
	body: { data: null, status: 'ValidationError', message: null, validationMessages: messages },
});
const failure = (status: number, message: string): SandboxResponse => ({
	status,
	body: { data: null, status: 'Error', message, validationMessages: null },
});
/** The quickstart's shape (isSuccess/messages), which search input errors come back in. */
const inputError = (message: string): SandboxResponse => ({
	status: 400,
	body: { isSuccess: false, data: null, messages: [`INPUT_ERROR: ${message}`] },
});

/**
 * Keepnet Labs' REST API for target users, as documented (OpenAPI spec + quickstart):
 * OAuth2 client credentials at /connect/token (form only), Bearer tokens that expire,
 * the ServiceResult envelope, PUT replacing the whole record, and the strict search body.
 */
export class KeepnetSandbox implements SandboxPlatform {
	readonly name = 'keepnet';
	readonly prefix = '/keepnet';
	users = new Map<string, KeepnetSandboxUser>();
	groups = new Map<string, { name: string; company: string }>();
	clients = new Map<string, Client>();
	tokens = new Map<string, Token>();
	/** Lifetime of new tokens; Keepnet's is one hour. */
	tokenTtlMs = 3_600_000;
	tokensIssued = 0;
	private nextId = 1;

	constructor() {
		this.reset();
	}

	reset(): void {
		this.users.clear();
		this.tokens.clear();
		this.tokensIssued = 0;
		this.tokenTtlMs = 3_600_000;
		this.nextId = 1;
		this.clients = new Map([
			[
				KEEPNET_CLIENT_ID,
				{ secret: KEEPNET_CLIENT_SECRET, company: KEEPNET_OWN_COMPANY, reseller: false },
			],
			[
				KEEPNET_RESELLER_ID,
				{ secret: KEEPNET_RESELLER_SECRET, company: 'cmpReseller01', reseller: true },
			],
		]);
		this.groups = new Map([
			['grpSales01', { name: 'Sales', company: KEEPNET_OWN_COMPANY }],
			['grpIT00002', { name: 'IT', company: KEEPNET_OWN_COMPANY }],
			['grpFinance3', { name: 'Finance', company: KEEPNET_OWN_COMPANY }],
			['grpCust001', { name: 'Customer staff', company: KEEPNET_CUSTOMER_COMPANY }],
		]);
	}

	credentials(sandboxUrl: string): SandboxCredential[] {
		return [
			{
				name: 'Keepnet (sandbox)',
				type: 'keepnetOAuth2Api',
				data: {
					baseUrl: `${sandboxUrl}${this.prefix}`,
					clientId: KEEPNET_CLIENT_ID,
					clientSecret: KEEPNET_CLIENT_SECRET,
				},
			},
		];
	}

	snapshot(): unknown {
		return [...this.users.values()];
	}

	/** Every token issued so far stops working (as if an hour had passed). */
	expireTokens(): void {
		for (const token of this.tokens.values()) token.expiresAt = 0;
	}

	/** Seed a user directly (tests). */
	addUser(email: string, extra: Partial<KeepnetSandboxUser> = {}): KeepnetSandboxUser {
		const user: KeepnetSandboxUser = {
			resourceId: `tu${String(this.nextId++).padStart(7, '0')}`,
			companyId: KEEPNET_OWN_COMPANY,
			email,
			firstName: null,
			lastName: null,
			department: null,
			priority: null,
			isActive: true,
			phoneNumber: '+10000000000',
			customFieldValues: [],
			timeZoneId: null,
			preferredLanguageId: null,
			managerFirstName: null,
			managerLastName: null,
			managerEmail: null,
			groups: [],
			createTime: new Date(Date.UTC(2026, 0, 1, 0, 0, this.nextId)).toISOString(),
			...extra,
		};
		this.users.set(user.resourceId, user);
		return user;
	}

	handle(req: SandboxRequest): SandboxResponse {
		if (req.path === '/connect/token') return this.token(req);
		if (!req.path.startsWith('/api/')) return { status: 404, raw: '' };
		const auth = this.authorize(req);
		if ('status' in auth) return auth;
		const company = auth.company;
		if (req.bodyError) return invalid(['The request body is not valid JSON.']);
		const body = (
			req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? req.body : undefined
		) as Body | undefined;

		if (req.path === '/api/target-users' && req.method === 'POST')
			return this.create(company, body ?? {});
		if (req.path === '/api/target-users/search' && req.method === 'POST')
			return this.search(company, req.body);
		if (req.path === '/api/target-users/search-email' && req.method === 'POST')
			return this.searchEmail(company, body ?? {});
		if (req.path === '/api/target-groups/users' && req.method === 'PUT')
			return this.addToGroups(company, body ?? {});
		const groupUsers = /^\/api\/target-groups\/([^/]+)\/users$/.exec(req.path);
		if (groupUsers && req.method === 'DELETE')
			return this.removeFromGroup(company, groupUsers[1], body ?? {});
		if (groupUsers && req.method === 'POST')
			return this.groupMembers(company, groupUsers[1], req.body);
		const one = /^\/api\/target-users\/([^/]+)$/.exec(req.path);
		if (!one) return { status: 404, raw: '' };
		const user = this.users.get(one[1]);
		if (!user || user.companyId !== company) return failure(404, 'Target user not found');
		if (req.method === 'GET') return ok(dto(user));
		if (req.method === 'PUT') return this.update(user, body ?? {});
		if (req.method === 'DELETE') {
			this.users.delete(user.resourceId);
			return ok({ resourceId: user.resourceId });
		}
		return { status: 405, raw: '' };
	}

	private token(req: SandboxRequest): SandboxResponse {
		if (req.method !== 'POST') return { status: 405, raw: '' };
		// IdentityServer only reads forms; anything else ends in an unhandled server error.
		if (!String(req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded'))
			return { status: 500, raw: '' };
		const form = (req.body ?? {}) as Record<string, string>;
		if (form.grant_type !== 'client_credentials')
			return { status: 400, body: { error: 'unsupported_grant_type' } };
		const client = this.clients.get(form.client_id ?? '');
		if (!client || client.secret !== form.client_secret)
			return { status: 400, body: { error: 'invalid_client' } };
		if (form.scope !== 'api1') return { status: 400, body: { error: 'invalid_scope' } };
		const accessToken = `kn.${randomBytes(12).toString('hex')}`;
		this.tokens.set(accessToken, {
			clientId: form.client_id,
			expiresAt: Date.now() + this.tokenTtlMs,
		});
		this.tokensIssued++;
		return {
			status: 200,
			body: {
				access_token: accessToken,
				expires_in: Math.round(this.tokenTtlMs / 1000),
				token_type: 'Bearer',
				scope: 'api1',
				permissions: ['target-users/search|POST', 'target-users|POST'],
			},
		};
	}

	/** The company the call acts in, or the answer that refuses it. */
	private authorize(req: SandboxRequest): { company: string } | SandboxResponse {
		const unauthorized: SandboxResponse = {
			status: 401,
			raw: '',
			headers: { 'WWW-Authenticate': 'Bearer error="invalid_token"' },
		};
		const header = String(req.headers.authorization ?? '');
		const token = this.tokens.get(header.replace(/^Bearer /, ''));
		if (!header.startsWith('Bearer ') || !token || token.expiresAt <= Date.now())
			return unauthorized;
		const client = this.clients.get(token.clientId);
		if (!client) return unauthorized;
		const asked = req.headers['x-keepnet-company-id'];
		if (asked === undefined) return { company: client.company };
		const wanted = String(asked);
		if (!client.reseller && wanted !== client.company)
			return failure(403, 'You are not authorized to access this company.');
		const known =
			[...this.groups.values()].some((g) => g.company === wanted) || wanted === client.company;
		if (!known) return failure(400, 'Company not found.');
		return { company: wanted };
	}

	private validate(
		body: Body,
		mode: 'create' | 'update',
		company: string,
		selfId?: string,
	): string[] {
		const messages: string[] = [];
		for (const key of Object.keys(body))
			if (!CREATE_FIELDS.includes(key)) messages.push(`Unknown field '${key}'.`);
		if (typeof body.email !== 'string' || body.email.trim() === '')
			messages.push("'Email' must not be empty.");
		else if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(body.email))
			messages.push("'Email' is not a valid email address.");
		if (typeof body.phoneNumber !== 'string' || body.phoneNumber.trim() === '')
			messages.push("'Phone Number' must not be empty.");
		for (const [field, max] of Object.entries(LIMITS[mode])) {
			const value = body[field];
			if (value !== undefined && value !== null && typeof value !== 'string')
				messages.push(`'${field}' must be a string.`);
			else if (typeof value === 'string' && value.length > max)
				messages.push(`The length of '${field}' must be ${max} characters or fewer.`);
		}
		if (
			body.priority !== undefined &&
			body.priority !== null &&
			!PRIORITIES.includes(String(body.priority))
		) {
			messages.push(
				`'Priority' has a range of values which does not include '${String(body.priority)}'.`,
			);
		}
		if (body.isActive !== undefined && typeof body.isActive !== 'boolean')
			messages.push("'isActive' must be a boolean.");
		if (
			body.customFields !== undefined &&
			body.customFields !== null &&
			!Array.isArray(body.customFields)
		)
			messages.push("'customFields' must be a list.");
		const groups = body.targetGroupResourceIds;
		if (groups !== undefined && groups !== null) {
			if (!Array.isArray(groups)) messages.push("'targetGroupResourceIds' must be a list.");
			else
				for (const id of groups)
					if (this.groups.get(String(id))?.company !== company)
						messages.push(`Target group '${String(id)}' was not found.`);
		}
		if (typeof body.email === 'string') {
			const taken = [...this.users.values()].some(
				(u) =>
					u.companyId === company &&
					u.email.toLowerCase() === String(body.email).toLowerCase() &&
					u.resourceId !== selfId,
			);
			if (taken) messages.push('A target user with this email address already exists.');
		}
		return messages;
	}

	private create(company: string, body: Body): SandboxResponse {
		const messages = this.validate(body, 'create', company);
		if (messages.length) return invalid(messages);
		const user = this.addUser(String(body.email), {
			companyId: company,
			...fieldsFrom(body),
			isActive: body.isActive !== false,
		});
		user.createTime = new Date(Date.UTC(2026, 0, 1, 0, 0, this.nextId)).toISOString();
		return ok({ resourceId: user.resourceId });
	}

	/** PUT replaces the record: a field left out is cleared, a bool left out is false (.NET binding). */
	private update(user: KeepnetSandboxUser, body: Body): SandboxResponse {
		const messages = this.validate(body, 'update', user.companyId, user.resourceId);
		if (messages.length) return invalid(messages);
		Object.assign(user, {
			firstName: null,
			lastName: null,
			department: null,
			priority: null,
			timeZoneId: null,
			preferredLanguageId: null,
			managerFirstName: null,
			managerLastName: null,
			managerEmail: null,
			customFieldValues: [],
			...fieldsFrom(body),
			email: String(body.email),
			isActive: body.isActive === true,
		});
		return ok({ resourceId: user.resourceId });
	}

	private search(company: string, raw: unknown): SandboxResponse {
		if (!raw || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length === 0)
			return inputError('request body is required');
		const body = lowerKeys(raw as Body);
		const filter = body.filter;
		if (!filter || typeof filter !== 'object') return inputError('filter is required');
		const f = lowerKeys(filter as Body);
		if (typeof f.searchinputtextvalue !== 'string')
			return inputError('SearchInputTextValue must be a string');
		if (typeof body.orderby !== 'string' || body.orderby === '')
			return inputError('orderBy is required');
		if (typeof body.ascending !== 'boolean') return inputError('ascending is required');
		const paging = this.paging(body);
		if ('status' in paging) return paging;
		const text = f.searchinputtextvalue.toLowerCase();
		const users = [...this.users.values()].filter(
			(u) =>
				u.companyId === company &&
				(!text ||
					[u.email, u.firstName, u.lastName].some((v) => (v ?? '').toLowerCase().includes(text))) &&
				matchesGroup(u, f),
		);
		return ok(page(sortUsers(users, String(body.orderby), body.ascending), paging, searchView));
	}

	/** POST /api/target-groups/{id}/users: the group's members (or, with excludeGroupUsers, everyone else), paged like search. */
	private groupMembers(company: string, groupId: string, raw: unknown): SandboxResponse {
		if (this.groups.get(groupId)?.company !== company)
			return failure(404, `Target group '${groupId}' was not found.`);
		if (!raw || typeof raw !== 'object' || Array.isArray(raw) || Object.keys(raw).length === 0)
			return inputError('request body is required');
		const body = lowerKeys(raw as Body);
		const filter = body.filter;
		if (!filter || typeof filter !== 'object') return inputError('filter is required');
		if (typeof body.orderby !== 'string' || body.orderby === '')
			return inputError('orderBy is required');
		if (typeof body.ascending !== 'boolean') return inputError('ascending is required');
		const paging = this.paging(body);
		if ('status' in paging) return paging;
		const exclude = body.excludegroupusers === true;
		const users = [...this.users.values()].filter(
			(u) =>
				u.companyId === company &&
				u.groups.includes(groupId) !== exclude &&
				matchesGroup(u, lowerKeys(filter as Body)),
		);
		return ok(page(sortUsers(users, String(body.orderby), body.ascending), paging, searchView));
	}

	private searchEmail(company: string, raw: Body): SandboxResponse {
		const body = lowerKeys(raw);
		if (typeof body.email !== 'string' || body.email === '')
			return invalid(["'Email' must not be empty."]);
		const paging = this.paging(body);
		if ('status' in paging) return paging;
		const wanted = body.email.toLowerCase();
		const users = [...this.users.values()].filter(
			(u) => u.companyId === company && u.email.toLowerCase() === wanted,
		);
		return ok(page(users, paging, dto));
	}

	private paging(body: Body): { pageNumber: number; pageSize: number } | SandboxResponse {
		const pageNumber = Number(body.pagenumber);
		const pageSize = Number(body.pagesize);
		if (!Number.isInteger(pageNumber) || pageNumber < 1)
			return inputError('pageNumber must be 1 or more');
		if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 100)
			return inputError('pageSize must be between 1 and 100');
		return { pageNumber, pageSize };
	}

	private addToGroups(company: string, body: Body): SandboxResponse {
		const userIds = Array.isArray(body.targetUserResourceIds)
			? body.targetUserResourceIds.map(String)
			: [];
		const groupIds = Array.isArray(body.targetGroupResourceIds)
			? body.targetGroupResourceIds.map(String)
			: [];
		if (!userIds.length || !groupIds.length)
			return invalid(['Target users and target groups are required.']);
		for (const id of groupIds)
			if (this.groups.get(id)?.company !== company)
				return failure(404, `Target group '${id}' was not found.`);
		const users = userIds.map((id) => this.users.get(id));
		if (users.some((u) => !u || u.companyId !== company))
			return failure(404, 'Target user not found');
		for (const user of users as KeepnetSandboxUser[])
			user.groups = [...new Set([...user.groups, ...groupIds])];
		return ok([]);
	}

	private removeFromGroup(company: string, groupId: string, body: Body): SandboxResponse {
		if (this.groups.get(groupId)?.company !== company)
			return failure(404, `Target group '${groupId}' was not found.`);
		const userIds = Array.isArray(body.targetUserResourceIds)
			? body.targetUserResourceIds.map(String)
			: [];
		if (!userIds.length) return invalid(['Target users are required.']);
		for (const id of userIds) {
			const user = this.users.get(id);
			if (user && user.companyId === company)
				user.groups = user.groups.filter((g) => g !== groupId);
		}
		return ok({ resourceId: groupId });
	}
}

function fieldsFrom(body: Body): Partial<KeepnetSandboxUser> {
	const text = (key: string) => (typeof body[key] === 'string' ? (body[key] as string) : null);
	const custom = Array.isArray(body.customFields) ? (body.customFields as Body[]) : [];
	const out: Partial<KeepnetSandboxUser> = {
		email: String(body.email),
		firstName: text('firstName'),
		lastName: text('lastName'),
		department: text('department'),
		priority: text('priority'),
		phoneNumber: text('phoneNumber'),
		timeZoneId: text('timeZoneId'),
		preferredLanguageId: text('preferredLanguageId'),
		managerFirstName: text('managerFirstName'),
		managerLastName: text('managerLastName'),
		managerEmail: text('managerEmail'),
		customFieldValues: custom.map((c) => ({
			resourceId: typeof c.resourceId === 'string' ? c.resourceId : null,
			name: typeof c.name === 'string' ? c.name : null,
			dataType: typeof c.dataType === 'string' ? c.dataType : 'Text',
			value: c.value === undefined || c.value === null ? null : String(c.value),
			timestampValue: null,
		})),
	};
	if (Array.isArray(body.targetGroupResourceIds))
		out.groups = body.targetGroupResourceIds.map(String);
	return out;
}

function lowerKeys(o: Body): Body {
	return Object.fromEntries(Object.entries(o).map(([k, v]) => [k.toLowerCase(), v]));
}

/** A filter group matches when its items and nested groups do, joined by its condition. */
function matchesGroup(user: KeepnetSandboxUser, group: Body): boolean {
	const items = Array.isArray(group.filteritems) ? (group.filteritems as Body[]) : [];
	const groups = Array.isArray(group.filtergroups) ? (group.filtergroups as Body[]) : [];
	const results = [
		...items.map((item) => matchesItem(user, lowerKeys(item))),
		...groups.map((g) => matchesGroup(user, lowerKeys(g))),
	];
	if (results.length === 0) return true;
	return String(group.condition ?? 'AND').toUpperCase() === 'OR'
		? results.some(Boolean)
		: results.every(Boolean);
}

function matchesItem(user: KeepnetSandboxUser, item: Body): boolean {
	const field = String(item.fieldname ?? '').toLowerCase();
	const value = String(item.value ?? '').toLowerCase();
	const operator = String(item.operator ?? '');
	if (field === 'status') return (user.isActive ? '1' : '0') === value;
	const own: Record<string, string | null> = {
		email: user.email,
		firstname: user.firstName,
		lastname: user.lastName,
		department: user.department,
	};
	if (!(field in own)) return false;
	const actual = (own[field] ?? '').toLowerCase();
	return operator === 'Contains' ? actual.includes(value) : actual === value;
}

function sortUsers(
	users: KeepnetSandboxUser[],
	orderBy: string,
	ascending: boolean,
): KeepnetSandboxUser[] {
	const key = orderBy.toLowerCase();
	const pick = (u: KeepnetSandboxUser): string =>
		key === 'email'
			? u.email
			: key === 'firstname'
				? (u.firstName ?? '')
				: key === 'lastname'
					? (u.lastName ?? '')
					: u.createTime;
	const sorted = [...users].sort(
		(a, b) => pick(a).localeCompare(pick(b)) || a.resourceId.localeCompare(b.resourceId),
	);
	return ascending ? sorted : sorted.reverse();
}

function page<T>(
	users: KeepnetSandboxUser[],
	paging: { pageNumber: number; pageSize: number },
	view: (u: KeepnetSandboxUser) => T,
) {
	const start = (paging.pageNumber - 1) * paging.pageSize;
	return {
		pageNumber: paging.pageNumber,
		pageSize: paging.pageSize,
		totalNumberOfPages: Math.ceil(users.length / paging.pageSize),
		totalNumberOfRecords: users.length,
		results: users.slice(start, start + paging.pageSize).map(view),
	};
}

/** TargetUserDto, as GET and search-email return it. */
export function dto(u: KeepnetSandboxUser): Record<string, unknown> {
	const managerFullName = [u.managerFirstName, u.managerLastName].filter(Boolean).join(' ') || null;
	return {
		resourceId: u.resourceId,
		email: u.email,
		firstName: u.firstName,
		lastName: u.lastName,
		department: u.department,
		priority: u.priority,
		isActive: u.isActive,
		customFieldValues: u.customFieldValues,
		phoneNumber: u.phoneNumber,
		timeZoneId: u.timeZoneId,
		preferredLanguageId: u.preferredLanguageId,
		managerFirstName: u.managerFirstName,
		managerLastName: u.managerLastName,
		managerEmail: u.managerEmail,
		managerFullName,
	};
}

/** TargetUserSearchView, as search returns it. */
function searchView(u: KeepnetSandboxUser): Record<string, unknown> {
	return {
		resourceId: u.resourceId,
		email: u.email,
		firstName: u.firstName,
		lastName: u.lastName,
		department: u.department,
		priority: u.priority,
		status: u.isActive ? 'Active' : 'Inactive',
		customFieldValues: u.customFieldValues,
		createTime: u.createTime,
		updateTime: null,
		isEditable: true,
		scimSettingName: null,
		ldapConfigName: null,
		phoneNumber: u.phoneNumber,
		timeZone: u.timeZoneId,
		preferredLanguage: u.preferredLanguageId,
	};
}
