/**
 * The validation texts users see, under each zod an n8n release hands the nodes.
 *
 * In n8n, `require('zod')` from a community node resolves to n8n's own copy: 3.24.1 in n8n 1.8x,
 * 3.25.67 in 1.123.x, 3.25.76 in 2.4x (installed here as npm aliases). Every bad-input probe of
 * every operation (probes.ts, ~3,400 texts) runs through n8n's engine once per zod and must give
 * the same text as under 3.25.76. zod 4 (n8n's root `zod` becoming v4, or `zod/v4`) is not
 * supported: what would change is pinned down below and explained in docs/compatibility.md.
 */
import type { runNode as RunNode } from '../harness/engine';
import { loadPackage, probeTexts } from './probes';

interface ZodRun {
	texts: Record<string, string>;
	/** How often node code read `z` from the substituted module: proof the substitute was used. */
	reads: number;
}

/**
 * Loads the nodes afresh with `zod` resolving to `zodModule`, and runs every probe. n8n's own
 * modules are loaded first, with the zod they were installed with, as in a real n8n where only
 * the package's own imports are in question.
 */
async function runWith(zodModule: string): Promise<ZodRun> {
	let run: ZodRun | undefined;
	// A lazy require('zod') after an earlier isolation ended lands in jest's shared mock registry:
	// clear it, or that run's substitute would be handed out again.
	jest.resetModules();
	await jest.isolateModulesAsync(async () => {
		jest.requireActual('n8n-workflow');
		jest.requireActual('n8n-core');
		let reads = 0;
		const actual = jest.requireActual<Record<string, unknown>>(zodModule);
		jest.doMock(
			'zod',
			() =>
				new Proxy(actual, {
					get: (target, key) => (key === 'z' && reads++, Reflect.get(target, key)),
				}),
		);
		const { runNode } = jest.requireActual<{ runNode: typeof RunNode }>('../harness/engine');
		const parts = loadPackage((path) => jest.requireActual(path));
		jest.dontMock('zod');
		const texts = await probeTexts(runNode, parts);
		run = { texts, reads };
	});
	if (!run) throw new Error(`no probe run under ${zodModule}`);
	return run;
}

const runs = new Map<string, Promise<ZodRun>>();
/** One probe run per zod for the whole file. */
function runOnce(zodModule: string): Promise<ZodRun> {
	const existing = runs.get(zodModule);
	if (existing) return existing;
	const started = runWith(zodModule);
	runs.set(zodModule, started);
	return started;
}

/** Probes whose text differs from zod 3.25.76's, with both texts. */
function differences(reference: ZodRun, run: ZodRun) {
	return Object.keys(reference.texts)
		.filter((probe) => run.texts[probe] !== reference.texts[probe])
		.map((probe) => ({ probe, expected: reference.texts[probe], got: run.texts[probe] }));
}

let reference: ZodRun;
beforeAll(async () => {
	reference = await runOnce('zod');
}, 120_000);

it('the probes cover every node and reach the validation (texts name the item and the field)', () => {
	const probes = Object.keys(reference.texts);
	for (const node of ['keitaro', 'keepnet', 'chatwoot', 'activePlatform', 'davintoo']) {
		expect(probes.filter((k) => k.startsWith(`${node} `)).length).toBeGreaterThan(50);
	}
	const named = Object.values(reference.texts).filter((t) =>
		/^Item \d+: .+ \(\w[\w.]*\): /.test(t),
	);
	expect(named.length).toBeGreaterThan(probes.length / 2);
	expect(reference.reads).toBeGreaterThan(0);
	expect(reference.texts['keitaro user.create login = missing']).toBe(
		'Item 0: Login (login): is required\nNothing was sent.',
	);
	expect(reference.texts['keitaro user.create login = zero']).toBe(
		'Item 4: Login (login): must be text (the login)\nNothing was sent.',
	);
});

it('under zod 3.25.67 (n8n 1.123.x) every text is the same as under 3.25.76', async () => {
	const run = await runWith('zod-3.25.67');
	expect(run.reads).toBeGreaterThan(0);
	expect(differences(reference, run)).toEqual([]);
	expect(Object.keys(run.texts)).toEqual(Object.keys(reference.texts));
}, 120_000);

it('under zod 3.24.1 (n8n 1.8x) every text is the same', async () => {
	const run = await runWith('zod-3.24.1');
	expect(run.reads).toBeGreaterThan(0);
	expect(Object.keys(run.texts)).toEqual(Object.keys(reference.texts));
	// zod 3.24.1 still runs an object's .refine() when a field inside failed a non-fatal check;
	// ActivePlatform Update's "at least one field" rule allows for that (an empty attribute key
	// once gave a second, wrong line here).
	expect(differences(reference, run)).toEqual([]);
});

/**
 * zod 4 ignores `required_error` and `invalid_type_error`, ignores `errorMap` on enums, and its
 * issues have no `received`, which nodes/shared/validate.ts reads to say "is required". `zod/v4`
 * (shipped inside zod 3.25) also fails on the one-argument `z.record(...)` of jsonObject.
 * These are the texts users would get; when the nodes are made zod-4-proof, this flips.
 */
describe.each([
	['zod-4', 'zod 4.6.7 as the root export'],
	['zod/v4', "zod 3.25.76's zod/v4"],
])('under %s (%s) the texts would change', (zodModule) => {
	let run: ZodRun;
	beforeAll(async () => {
		run = await runOnce(zodModule);
	}, 120_000);

	it.each([
		[
			'keitaro user.create login = missing',
			'Item 0: Login (login): Invalid input: expected string, received undefined\nNothing was sent.',
		],
		[
			'keitaro user.create login = zero',
			'Item 4: Login (login): Invalid input: expected string, received number\nNothing was sent.',
		],
		[
			'keitaro user.create type = empty',
			'Item 1: Type (type): Invalid option: expected one of "USER"|"ADMIN"\nNothing was sent.',
		],
		[
			'keepnet targetUser.create email = missing',
			'Item 0: Email (email): Invalid input: expected string, received undefined\nNothing was sent.',
		],
	])('%s', (probe, text) => {
		expect(run.reads).toBeGreaterThan(0);
		expect(reference.texts[probe]).not.toBe(text);
		expect(run.texts[probe]).toBe(text);
	});

	it('changes a large share of all texts', () => {
		expect(differences(reference, run).length).toBeGreaterThan(
			Object.keys(reference.texts).length / 3,
		);
	});
});

it('under zod/v4 a JSON object field crashes the item instead of naming the problem', async () => {
	const run = await runOnce('zod/v4');
	const probe = 'chatwoot contact.create fields.additionalAttributes = word';
	expect(reference.texts[probe]).toMatch(
		/^Item 3: Fields > Additional Attributes \(fields\.additionalAttributes\): is not valid JSON/,
	);
	expect(run.texts[probe]).toBe("Item 3: Cannot read properties of undefined (reading 'run')");
}, 120_000);
