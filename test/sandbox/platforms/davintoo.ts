import type { SandboxCredential, SandboxPlatform, SandboxRequest, SandboxResponse } from '../types';

export const DAVINTOO_SANDBOX_TOKEN = 'sandbox-davintoo-token-7c1e9a';

export interface DavintooSandboxUser {
	id: number;
	uid: string;
	is_active: 0 | 1;
	fields: Record<string, unknown>;
}

interface Counters {
	created_count: number;
	updated_count: number;
	blocked_count: number;
	unblocked_count: number;
}

/** CSV column order of the portal's import (the vendor's sync tool writes it so). */
const CSV_FIELDS = [
	'uid',
	'secondname',
	'firstname',
	'patronymic',
	'login',
	'email',
	'password',
	'birth_date',
	'gender',
	'city',
	'department',
	'position',
	'tags',
	'phone',
	'status',
	'date_of_employment',
	'google_id',
	'work_contact',
	'date_of_assignment_current_position',
	'structure_uid',
	'user_field1',
	'user_field2',
	'user_field3',
	'customInfo',
	'language',
	'user_field4',
	'user_field5',
];
const REQUIRED = ['secondname', 'firstname', 'login', 'email'];
const DATE_FIELDS = ['birth_date', 'date_of_employment', 'date_of_assignment_current_position'];
const FIELD_LABEL: Record<string, string> = {
	secondname: 'Last name',
	firstname: 'First name',
	login: 'Login',
	email: 'Email',
};

/** `;`-separated CSV with "quoted" cells ("" inside quotes is one quote), as PHP's fgetcsv reads it. */
export function parseCsv(text: string): string[][] {
	const rows: string[][] = [];
	let row: string[] = [];
	let cell = '';
	let quoted = false;
	const s = text.replace(/^\uFEFF/, '');
	for (let i = 0; i < s.length; i++) {
		const c = s[i];
		if (quoted) {
			if (c === '"' && s[i + 1] === '"') ((cell += '"'), i++);
			else if (c === '"') quoted = false;
			else cell += c;
		} else if (c === '"' && cell === '') quoted = true;
		else if (c === ';') (row.push(cell), (cell = ''));
		else if (c === '\n' || c === '\r') {
			if (c === '\r' && s[i + 1] === '\n') i++;
			row.push(cell);
			rows.push(row);
			row = [];
			cell = '';
		} else cell += c;
	}
	if (cell !== '' || row.length) rows.push([...row, cell]);
	return rows.filter((r) => !(r.length === 1 && r[0] === ''));
}

/**
 * Collaborator LMS API v2 (users) as documented: X-Cbr-Authorization, the single / batch / CSV
 * imports answering counters, 400 {"data": {field: message}}, the /users/list pager; a CSV import
 * blocks the users missing from the file.
 */
export class DavintooSandbox implements SandboxPlatform {
	readonly name = 'davintoo';
	readonly prefix = '/davintoo';
	token = DAVINTOO_SANDBOX_TOKEN;
	users = new Map<string, DavintooSandboxUser>();
	/** The portal option "Don't block missing users on import" (off by default, as on a new portal). */
	keepMissingUsers = false;
	/** Users per page of /users/list (the docs' example shows 10). */
	pageSize = 10;
	/** Plays a portal that ignores ?page= (always answers page 1). */
	ignorePage = false;
	/** Text of every CSV file received, in order. */
	csvFiles: string[] = [];
	private readonly logins = new Map<string, string>();
	private nextId = 1;

	reset(): void {
		this.users.clear();
		this.logins.clear();
		this.csvFiles = [];
		this.token = DAVINTOO_SANDBOX_TOKEN;
		this.keepMissingUsers = false;
		this.pageSize = 10;
		this.ignorePage = false;
		this.nextId = 1;
	}

	credentials(sandboxUrl: string): SandboxCredential[] {
		return [
			{
				name: 'Davintoo (sandbox)',
				type: 'davintooApi',
				data: { url: `${sandboxUrl}${this.prefix}`, apiToken: this.token },
			},
		];
	}

	snapshot(): unknown {
		return [...this.users.values()].map(publicUser);
	}

	/** Seed a user directly (tests). */
	addUser(
		uid: string,
		fields: Record<string, unknown> = {},
		active: 0 | 1 = 1,
	): DavintooSandboxUser {
		const user: DavintooSandboxUser = {
			id: this.nextId++,
			uid,
			is_active: active,
			fields: {
				secondname: `Last${uid}`,
				firstname: `First${uid}`,
				login: `login.${uid}`,
				email: `${uid}@example.org`,
				...fields,
			},
		};
		this.users.set(uid, user);
		this.logins.set(String(user.fields.login).toLowerCase(), uid);
		return user;
	}

	handle(req: SandboxRequest): SandboxResponse {
		if (!req.path.startsWith('/api/v2/'))
			return { status: 404, body: { message: 'Page not found.' } };
		if (req.headers['x-cbr-authorization'] !== `Bearer ${this.token}`) {
			return { status: 401, body: { message: 'Your request was made with invalid credentials.' } };
		}
		const path = req.path.slice('/api/v2'.length);
		if (path === '/users/list' && req.method === 'GET') return this.list(req.query);
		if (req.method !== 'POST') return { status: 405, body: { message: 'Method Not Allowed.' } };
		if (path === '/users-import/single') {
			if (req.bodyError || !isObject(req.body)) return bad({ body: 'A JSON object is expected' });
			const problem = this.check(req.body);
			if (problem) return bad(problem);
			return { status: 200, body: this.upsert(req.body) };
		}
		if (path === '/users-import/batch') {
			if (req.files) return this.importCsv(req);
			if (req.bodyError || !Array.isArray(req.body))
				return bad({ body: 'A JSON array of users is expected' });
			const list = req.body as unknown[];
			for (const [i, user] of list.entries()) {
				const problem = isObject(user) ? this.check(user) : { body: 'not an object' };
				if (problem)
					return bad(Object.fromEntries(Object.entries(problem).map(([k, v]) => [`${i}.${k}`, v])));
			}
			return { status: 200, body: sum(list.map((u) => this.upsert(u as Record<string, unknown>))) };
		}
		if (path === '/users-import/csv') return this.importCsv(req);
		return { status: 404, body: { message: 'Page not found.' } };
	}

	/** Which uid holds a login (case-insensitive); an index keeps big imports fast. */
	private loginOwner(login: string): string | undefined {
		const owner = this.logins.get(login.toLowerCase());
		const user = owner === undefined ? undefined : this.users.get(owner);
		return user && String(user.fields.login).toLowerCase() === login.toLowerCase()
			? owner
			: undefined;
	}

	/** Field problems of one import record, or undefined. New users need all required fields. */
	private check(
		user: Record<string, unknown>,
		label = (f: string) => f,
	): Record<string, string> | undefined {
		const problems: Record<string, string> = {};
		const uid = str(user.uid);
		if (!uid) problems[label('uid')] = 'Unique identifier cannot be blank.';
		const existing = uid ? this.users.get(uid) : undefined;
		for (const field of REQUIRED) {
			if (!existing && !str(user[field]))
				problems[label(field)] = `${FIELD_LABEL[field]} cannot be blank.`;
		}
		const email = str(user.email);
		if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email))
			problems[label('email')] = 'Email is not a valid email address.';
		const login = str(user.login);
		if (login) {
			const owner = this.loginOwner(login);
			if (owner !== undefined && owner !== uid)
				problems[label('login')] = `Login "${login}" has already been taken.`;
		}
		for (const field of DATE_FIELDS) {
			const value = str(user[field]);
			if (value && !/^(\d{2}\.\d{2}\.\d{4}|\d{4}-\d{2}-\d{2})$/.test(value))
				problems[label(field)] = 'The format of the date is invalid.';
		}
		const gender = str(user.gender);
		if (gender && gender !== '0' && gender !== '1')
			problems[label('gender')] = 'Gender must be 0 or 1.';
		return Object.keys(problems).length ? problems : undefined;
	}

	/** Create or update by uid; `active` undefined keeps the current state (a new user starts active). */
	private upsert(input: Record<string, unknown>, active?: 0 | 1): Counters {
		const uid = str(input.uid);
		const counters: Counters = {
			created_count: 0,
			updated_count: 0,
			blocked_count: 0,
			unblocked_count: 0,
		};
		const wanted =
			active ??
			(input.is_active === undefined || input.is_active === null
				? undefined
				: Number(input.is_active) === 0
					? 0
					: 1);
		const fields: Record<string, unknown> = {};
		for (const [k, v] of Object.entries(input))
			if (k !== 'uid' && k !== 'is_active' && v !== null && v !== '') fields[k] = v;
		const existing = this.users.get(uid);
		if (typeof fields.login === 'string') this.logins.set(fields.login.toLowerCase(), uid);
		if (!existing) {
			this.users.set(uid, { id: this.nextId++, uid, is_active: wanted ?? 1, fields });
			counters.created_count = 1;
			return counters;
		}
		existing.fields = { ...existing.fields, ...fields };
		counters.updated_count = 1;
		if (wanted !== undefined && wanted !== existing.is_active) {
			if (wanted === 0) counters.blocked_count = 1;
			else counters.unblocked_count = 1;
			existing.is_active = wanted;
		}
		return counters;
	}

	private importCsv(req: SandboxRequest): SandboxResponse {
		const file = req.files?.find((f) => f.field === 'file');
		if (!file) return bad({ file: 'Upload a file.' });
		const text = file.data.toString('utf8');
		this.csvFiles.push(text);
		const rows = parseCsv(text).slice(1); // the first line is the header
		const records = rows.map((cells) =>
			Object.fromEntries(CSV_FIELDS.map((f, i) => [f, cells[i] ?? ''])),
		);
		for (const [i, record] of records.entries()) {
			if (!record.uid) continue; // the portal ignores rows without an ID
			const problem = this.check(record, (f) => `row ${i + 2}: ${f}`);
			if (problem) return bad(problem);
		}
		const seen = new Set<string>();
		const results = records
			.filter((r) => r.uid)
			.map((r) => {
				seen.add(r.uid);
				// Status 0 (or empty) is a working user; any other status blocks.
				return this.upsert(r, r.status === '' || r.status === '0' ? 1 : 0);
			});
		const total = sum(results);
		if (!this.keepMissingUsers) {
			for (const user of this.users.values()) {
				if (!seen.has(user.uid) && user.is_active === 1) {
					user.is_active = 0;
					total.blocked_count++;
				}
			}
		}
		return { status: 200, body: total };
	}

	private list(query: SandboxRequest['query']): SandboxResponse {
		const q = (k: string) => String(query[`filter[${k}]`] ?? '').toLowerCase();
		const has = (v: unknown, needle: string) =>
			!needle ||
			String(v ?? '')
				.toLowerCase()
				.includes(needle);
		const matches = [...this.users.values()].filter((u) => {
			const f = u.fields;
			const fullname = `${f.secondname ?? ''} ${f.firstname ?? ''} ${f.patronymic ?? ''}`;
			const name = q('fullname');
			return (
				(!name || has(fullname, name) || has(f.email, name) || has(f.login, name)) &&
				has(f.position, q('position')) &&
				has(f.department, q('department')) &&
				has(f.city, q('city')) &&
				has(f.tags, q('tags'))
			);
		});
		const pages = Math.max(1, Math.ceil(matches.length / this.pageSize));
		const requested = Math.max(1, Number(query.page ?? 1) || 1);
		const page = this.ignorePage ? 1 : requested;
		const data = matches.slice((page - 1) * this.pageSize, page * this.pageSize).map(publicUser);
		return {
			status: 200,
			body: {
				data,
				pager: { current: page, count: pages, total: matches.length, countPerPage: this.pageSize },
			},
		};
	}
}

function publicUser(u: DavintooSandboxUser): Record<string, unknown> {
	const { password: _password, ...fields } = u.fields;
	return { id: u.id, uid: u.uid, ...fields, is_active: u.is_active };
}

const bad = (data: Record<string, string>): SandboxResponse => ({ status: 400, body: { data } });
const isObject = (v: unknown): v is Record<string, unknown> =>
	!!v && typeof v === 'object' && !Array.isArray(v);
const str = (v: unknown) => (v === undefined || v === null ? '' : String(v).trim());

function sum(list: Counters[]): Counters {
	const total: Counters = {
		created_count: 0,
		updated_count: 0,
		blocked_count: 0,
		unblocked_count: 0,
	};
	for (const c of list)
		for (const k of Object.keys(total) as Array<keyof Counters>) total[k] += c[k];
	return total;
}
