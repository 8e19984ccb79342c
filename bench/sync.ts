/**
 * Sync at scale: N wanted users against N existing ones, 10% of them changes (6% updates, 2%
 * creates, 2% removals), on every platform. Counts what the plan sends (list calls only), what
 * Apply sends beyond the lists (the changes only) and that a second run sends nothing; times the
 * plan against the time its list calls would take one after the other.
 *
 * The sandbox runs in its own process (bench/sync-sandbox.ts, seeded there); every answer waits LATENCY_MS.
 */
import type {
	ICredentialDataDecryptedObject,
	ICredentialType,
	IDataObject,
	INodeExecutionData,
	INodeParameters,
	INodeType,
} from 'n8n-workflow';

import { ActivePlatformApi } from '../credentials/ActivePlatformApi.credentials';
import { ChatwootApi } from '../credentials/ChatwootApi.credentials';
import { DavintooApi } from '../credentials/DavintooApi.credentials';
import { KeepnetBaseApi } from '../credentials/KeepnetBaseApi.credentials';
import { KeepnetOAuth2Api } from '../credentials/KeepnetOAuth2Api.credentials';
import { KeitaroApi } from '../credentials/KeitaroApi.credentials';
import { ActivePlatform } from '../nodes/ActivePlatform/ActivePlatform.node';
import { Chatwoot } from '../nodes/Chatwoot/Chatwoot.node';
import { Davintoo } from '../nodes/Davintoo/Davintoo.node';
import { Keepnet } from '../nodes/Keepnet/Keepnet.node';
import { Keitaro } from '../nodes/Keitaro/Keitaro.node';
import { runNode } from '../test/harness/engine';
import type { Platforms } from '../test/sandbox';
import {
	ACTIVEPLATFORM_DEMO_ACCOUNT,
	ACTIVEPLATFORM_SANDBOX_TOKEN,
} from '../test/sandbox/platforms/activeplatform';
import { CHATWOOT_ACCOUNT_ID, CHATWOOT_USER_TOKEN } from '../test/sandbox/platforms/chatwoot';
import { DAVINTOO_SANDBOX_TOKEN } from '../test/sandbox/platforms/davintoo';
import { KEEPNET_CLIENT_ID, KEEPNET_CLIENT_SECRET } from '../test/sandbox/platforms/keepnet';
import { KEITARO_SANDBOX_KEY } from '../test/sandbox/platforms/keitaro';
import type { LoggedRequest } from '../test/sandbox/types';
import { fixed, timed } from './measure';
import { SeededSandbox } from './sync-seeded';

const LATENCY_MS = 20;

interface SyncCase {
	label: string;
	platform: keyof Platforms;
	node: INodeType;
	credentialTypes: ICredentialType[];
	credentials: (sandbox: SeededSandbox) => Record<string, ICredentialDataDecryptedObject>;
	parameters: INodeParameters;
	/** What a list page holds (for the report). */
	pageSize: string;
	/** The wanted user for number i; `changed` alters one compared field. */
	want: (i: number, changed: boolean) => IDataObject;
	isList: (r: LoggedRequest) => boolean;
}

const pad = (i: number) => String(i).padStart(5, '0');

const CASES: SyncCase[] = [
	{
		label: 'Keitaro users',
		platform: 'keitaro',
		node: new Keitaro(),
		credentialTypes: [new KeitaroApi()],
		credentials: (s) => ({ keitaroApi: { url: s.urlOf('/keitaro'), apiKey: KEITARO_SANDBOX_KEY } }),
		parameters: {
			resource: 'user',
			login: '={{ $json.login }}',
			password: '={{ $json.password }}',
			type: '={{ $json.type }}',
			removeMissing: 'delete',
		},
		pageSize: 'all in one',
		want: (i, changed) => ({
			login: `user${pad(i)}`,
			type: changed ? 'ADMIN' : 'USER',
			password: 'Init-Pass-1',
		}),
		isList: (r) => r.method === 'GET' && r.path === '/admin_api/v1/users',
	},
	{
		label: 'Keepnet target users',
		platform: 'keepnet',
		node: new Keepnet(),
		credentialTypes: [new KeepnetBaseApi(), new KeepnetOAuth2Api()],
		credentials: (s) => ({
			keepnetOAuth2Api: {
				baseUrl: s.urlOf('/keepnet'),
				clientId: KEEPNET_CLIENT_ID,
				clientSecret: KEEPNET_CLIENT_SECRET,
			},
		}),
		parameters: {
			resource: 'targetUser',
			email: '={{ $json.email }}',
			phoneNumber: '={{ $json.phone }}',
			fields: { firstName: '={{ $json.firstName }}' },
			removeMissing: 'deactivate',
		},
		pageSize: '100',
		want: (i, changed) => ({
			email: `u${pad(i)}@acme.test`,
			firstName: changed ? 'Changed' : `F${i}`,
			phone: '+10000000000',
		}),
		isList: (r) => r.method === 'POST' && r.path === '/api/target-users/search',
	},
	{
		label: 'Chatwoot contacts',
		platform: 'chatwoot',
		node: new Chatwoot(),
		credentialTypes: [new ChatwootApi()],
		credentials: (s) => ({
			chatwootApi: {
				url: s.urlOf('/chatwoot'),
				accountId: CHATWOOT_ACCOUNT_ID,
				accessToken: CHATWOOT_USER_TOKEN,
			},
		}),
		parameters: {
			resource: 'contact',
			matchBy: 'email',
			email: '={{ $json.email }}',
			name: '={{ $json.name }}',
			removeMissing: 'delete',
		},
		pageSize: '15 (fixed by Chatwoot)',
		want: (i, changed) => ({ email: `c${pad(i)}@shop.test`, name: changed ? 'Changed' : `C ${i}` }),
		isList: (r) =>
			r.method === 'GET' && r.path === `/api/v1/accounts/${CHATWOOT_ACCOUNT_ID}/contacts`,
	},
	{
		label: "ActivePlatform account's users",
		platform: 'activeplatform',
		node: new ActivePlatform(),
		credentialTypes: [new ActivePlatformApi()],
		credentials: (s) => ({
			activePlatformApi: {
				url: s.urlOf('/activeplatform'),
				apiToken: ACTIVEPLATFORM_SANDBOX_TOKEN,
			},
		}),
		parameters: {
			resource: 'user',
			accountId: ACTIVEPLATFORM_DEMO_ACCOUNT,
			email: '={{ $json.email }}',
			firstName: '={{ $json.first }}',
			lastName: '={{ $json.last }}',
			password: '={{ $json.password }}',
			removeMissing: 'detach',
		},
		pageSize: '100 (no total: one page after another)',
		want: (i, changed) => ({
			email: `u${pad(i)}@acme.test`,
			first: changed ? 'Changed' : 'Test',
			last: 'User',
			password: 'Init-Pass-1',
		}),
		isList: (r) =>
			r.method === 'GET' &&
			(r.path === '/api/vendor/v1/users.json' || r.path.endsWith('/users.json')),
	},
	{
		label: 'Davintoo users',
		platform: 'davintoo',
		node: new Davintoo(),
		credentialTypes: [new DavintooApi()],
		credentials: (s) => ({
			davintooApi: { url: s.urlOf('/davintoo'), apiToken: DAVINTOO_SANDBOX_TOKEN },
		}),
		parameters: {
			resource: 'user',
			matchBy: 'uid',
			uid: '={{ $json.uid }}',
			login: '={{ $json.login }}',
			email: '={{ $json.email }}',
			secondname: '={{ $json.last }}',
			firstname: '={{ $json.first }}',
			fields: { position: '={{ $json.position }}' },
			removeMissing: 'block',
		},
		pageSize: "10 (the portal's)",
		want: (i, changed) => {
			const uid = `EMP-${pad(i)}`;
			return {
				uid,
				login: `login.${uid}`,
				email: `${uid}@example.org`,
				last: `Last${uid}`,
				first: `First${uid}`,
				position: changed ? 'Lead' : 'Rep',
			};
		},
		isList: (r) => r.method === 'GET' && r.path === '/api/v2/users/list',
	},
];

interface Run {
	ms: number;
	summary: IDataObject;
	lists: number;
	/** From the first list request's arrival to the last one's answer. */
	listingMs: number;
	others: LoggedRequest[];
}

/**
 * The wanted list: users 0..n-1 but the last 2% (to remove), 6% of them changed, and 2% new ones.
 */
function wanted(c: SyncCase, n: number): INodeExecutionData[] {
	const removed = Math.max(1, Math.round(n * 0.02));
	const updated = Math.max(1, Math.round(n * 0.06));
	const kept = n - removed;
	// Every `step`-th kept user changes, `updated` of them in all.
	const step = Math.max(1, Math.floor(kept / updated));
	const items: INodeExecutionData[] = [];
	for (let i = 0; i < kept; i++)
		items.push({ json: c.want(i, i % step === 0 && i < step * updated) });
	for (let i = 0; i < removed; i++) items.push({ json: c.want(n + i, false) });
	return items;
}

async function runSync(
	sandbox: SeededSandbox,
	c: SyncCase,
	items: INodeExecutionData[],
	syncMode: 'plan' | 'apply',
): Promise<Run> {
	const seen = (await sandbox.log()).length;
	const { ms, value: run } = await timed(() =>
		runNode({
			node: c.node,
			parameters: { ...c.parameters, operation: 'sync', syncMode, options: { summary: true } },
			items,
			shareItems: true,
			credentialTypes: c.credentialTypes,
			credentials: c.credentials(sandbox),
		}),
	);
	if (run.error) throw new Error(`${c.label} ${syncMode} failed: ${run.error.message}`);
	const requests = (await sandbox.log())
		.slice(seen)
		.filter((r) => r.platform === c.platform && r.path !== '/connect/token');
	const out = run.outputs[0] ?? [];
	const listTimes = requests.filter(c.isList).map((r) => Date.parse(r.time));
	return {
		ms,
		summary: (out[out.length - 1]?.json.summary ?? {}) as IDataObject,
		lists: listTimes.length,
		listingMs: listTimes.length ? Math.max(...listTimes) - Math.min(...listTimes) + LATENCY_MS : 0,
		others: requests.filter((r) => !c.isList(r)),
	};
}

/** Case 9: sync at scale, every platform; one run each (the figures are counts and ratios). */
export async function syncBench(log: (s: string) => void, n: number): Promise<void> {
	log(
		`## 9. Sync: ${n} wanted users against ${n} existing, 10% changes (6% updates, 2% creates, 2% removals)`,
	);
	log('');
	log(
		`One run per platform; the sandbox (its own process) answers every request after ${LATENCY_MS} ms; requests are counted there.`,
	);
	log(
		'"Listing" is the time from the first list request to the last answer; "one by one" is list calls × latency, what',
	);
	log(
		'reading the pages one after another would take at least. "Plan" is the whole node run: most of it is n8n',
	);
	log(
		'evaluating the 3 to 8 field expressions of each of the items, the same in any node that maps fields.',
	);
	log('');
	log(
		'| platform | page size | plan: list calls | plan: other requests | listing | one by one | plan | Apply: changes | Apply: requests beyond the lists | per change | Apply | second run: requests beyond the lists |',
	);
	log('|---|---|---|---|---|---|---|---|---|---|---|---|');
	const notes: string[] = [];
	for (const c of CASES) {
		const sandbox = await SeededSandbox.start(c.platform, n, LATENCY_MS);
		try {
			const items = wanted(c, n);
			const plan = await runSync(sandbox, c, items, 'plan');
			const apply = await runSync(sandbox, c, items, 'apply');
			const again = await runSync(sandbox, c, items, 'apply');
			const s = apply.summary;
			const changes = Number(s.created ?? 0) + Number(s.updated ?? 0) + Number(s.removed ?? 0);
			if (Number(s.failed ?? 0) > 0)
				throw new Error(`${c.label}: ${String(s.failed)} failed in Apply`);
			const sequential = plan.lists * LATENCY_MS;
			const sec = (ms: number) => `${fixed(ms / 1000, 2)} s`;
			log(
				`| ${c.label} | ${c.pageSize} | ${plan.lists} | **${plan.others.length}** | ${sec(plan.listingMs)} | ${sec(sequential)} | ${sec(plan.ms)} | ${changes} (${String(s.created)} + ${String(s.updated)} + ${String(s.removed)}) | ${apply.others.length} | **${fixed(apply.others.length / changes, 2)}** | ${sec(apply.ms)} | **${again.others.length}** |`,
			);
			const kinds = [...new Set(apply.others.map((r) => r.method))].sort().join(', ');
			notes.push(
				`- ${c.label}: Apply sent ${kinds}; listing took ${fixed(plan.listingMs / sequential, 2)}× the one-by-one time.`,
			);
		} finally {
			sandbox.stop();
		}
	}
	log('');
	for (const note of notes) log(note);
	log('');
	log(
		'Per change: Keepnet reads a user before its PUT (the list lacks fields a complete-record PUT must keep), and',
	);
	log(
		'ActivePlatform attaches each new user to the account after creating it; elsewhere one request per change.',
	);
	log('');
}
