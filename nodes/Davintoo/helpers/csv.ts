import type { z } from 'zod';

import type { DavintooUser } from './user-fields';

/**
 * The portal's CSV layout: `;`-separated, a header row, one user per line, UTF-8, in the
 * column order the vendor's own sync tool writes (27 columns).
 */
export const CSV_COLUMNS: Array<{ header: string; field: keyof DavintooUser }> = [
	{ header: 'ID', field: 'uid' },
	{ header: 'Last name', field: 'secondname' },
	{ header: 'First name', field: 'firstname' },
	{ header: 'Middle name', field: 'patronymic' },
	{ header: 'Login', field: 'login' },
	{ header: 'Email', field: 'email' },
	{ header: 'Password', field: 'password' },
	{ header: 'Birthdate', field: 'birth_date' },
	{ header: 'Gender (F-1, M-0)', field: 'gender' },
	{ header: 'City', field: 'city' },
	{ header: 'Department', field: 'department' },
	{ header: 'Position', field: 'position' },
	{ header: 'Tags', field: 'tags' },
	{ header: 'Phone', field: 'phone' },
	{
		header: 'Status (0 - working, 1 - dismissed, 2 - maternity leave, 3 - sick leave)',
		field: 'status',
	},
	{ header: 'Employment date', field: 'date_of_employment' },
	{ header: 'Google Id', field: 'google_id' },
	{ header: 'Work contacts', field: 'work_contact' },
	{ header: 'Date of current position assignment', field: 'date_of_assignment_current_position' },
	{ header: 'department code', field: 'structure_uid' },
	{ header: 'Additional field 1', field: 'user_field1' },
	{ header: 'Additional field 2', field: 'user_field2' },
	{ header: 'Additional field 3', field: 'user_field3' },
	{ header: 'JSON', field: 'customInfo' },
	{ header: 'Interface language', field: 'language' },
	{ header: 'Additional field 4', field: 'user_field4' },
	{ header: 'Additional field 5', field: 'user_field5' },
];

/** Fields the CSV format has no column for: sending them there would lose them silently. */
const NO_COLUMN: Array<keyof DavintooUser> = ['facebook_id', 'manager_uid', 'role_id'];

const LINE_END = '\r\n';

/** One cell: quoted when it holds the delimiter, a quote or a line break; quotes doubled. */
export function csvCell(value: unknown): string {
	if (value === undefined || value === null) return '';
	let s: string;
	if (Array.isArray(value)) s = value.join(',');
	else if (typeof value === 'object') s = JSON.stringify(value);
	else s = String(value);
	return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export const CSV_HEADER = CSV_COLUMNS.map((c) => csvCell(c.header)).join(';') + LINE_END;

/** The CSV line of one user, or the issues that keep it out of a CSV file. */
export function csvLine(
	user: DavintooUser,
	maskPassword = false,
): { line: string } | { issues: z.ZodIssue[] } {
	const issues: z.ZodIssue[] = [];
	for (const field of NO_COLUMN) {
		if (user[field] !== undefined) {
			issues.push({
				code: 'custom',
				path: [field],
				message: 'has no column in the CSV format: import such users as JSON',
			});
		}
	}
	// A CSV blocks through Status; is_active 0 alone would be dropped and the user stay active.
	if (user.is_active === 0 && user.status === undefined) {
		issues.push({
			code: 'custom',
			path: ['is_active'],
			message:
				'cannot be 0 in a CSV import: the CSV blocks users through Status (1 dismissed, 2 maternity leave, 3 sick leave)',
		});
	}
	if (issues.length) return { issues };
	const cells = CSV_COLUMNS.map(({ field }) =>
		field === 'password' && maskPassword && user.password !== undefined
			? '***'
			: csvCell(user[field]),
	);
	return { line: cells.join(';') + LINE_END };
}

/**
 * Collects CSV lines into one Buffer: lines are turned into bytes a thousand at a time, so no
 * giant string of the whole file is ever built; the parts are joined once at the end.
 */
export class CsvBuilder {
	private readonly parts: Buffer[] = [];
	private pending: string[] = [CSV_HEADER];
	private bytes = 0;
	private handedOver = false;
	rows = 0;

	add(line: string): void {
		this.pending.push(line);
		this.rows++;
		if (this.pending.length >= 1000) this.flush();
	}

	toBuffer(): Buffer {
		return Buffer.concat(this.toParts(), this.bytes);
	}

	/**
	 * The file as pieces, handed over (the builder lets go of them): joined once, into the request.
	 * Only once: a second call would give an empty file, and an empty CSV import blocks everyone.
	 */
	toParts(): Buffer[] {
		if (this.handedOver) throw new Error('The CSV file was already handed over');
		this.handedOver = true;
		this.flush();
		return this.parts.splice(0, this.parts.length);
	}

	private flush(): void {
		if (this.pending.length === 0) return;
		const chunk = Buffer.from(this.pending.join(''), 'utf8');
		this.parts.push(chunk);
		this.bytes += chunk.length;
		this.pending = [];
	}
}

/** A quick look at an uploaded file: refuse what clearly is not the portal's `;` CSV. */
export function csvFileProblem(data: Buffer): string | undefined {
	if (data.length === 0) return 'the file is empty';
	const head = data
		.subarray(0, Math.min(data.length, 4096))
		.toString('utf8')
		.replace(/^\uFEFF/, '');
	const firstLine = head.split(/\r?\n/)[0];
	if (!firstLine.includes(';')) {
		return firstLine.includes(',')
			? 'the first line has no ";" but has ",": the portal reads ";"-separated CSV only'
			: 'the first line has no ";": the portal reads ";"-separated CSV with a header row';
	}
	return unclosedQuote(data);
}

/**
 * A quoted value that never closes swallows every row after it: the portal would then block
 * users "missing" from the file. One pass over the bytes; `"` is one byte in UTF-8.
 */
export function unclosedQuote(data: Buffer): string | undefined {
	const QUOTE = 0x22;
	const NEWLINE = 0x0a;
	let line = 1;
	let openedOn = 0;
	let inQuotes = false;
	for (let i = 0; i < data.length; i++) {
		const byte = data[i];
		if (byte === QUOTE) {
			if (inQuotes && data[i + 1] === QUOTE)
				i++; // "" inside quotes is an escaped quote
			else {
				inQuotes = !inQuotes;
				if (inQuotes) openedOn = line;
			}
		} else if (byte === NEWLINE) line++;
	}
	return inQuotes
		? `line ${openedOn}: a quoted value is opened and never closed (broken quoting)`
		: undefined;
}
