/**
 * How n8n installs and loads the packed package, line by line (needs `npm ci` in
 * test/matrix/n8n-1.82, n8n-1.85 and n8n-1.123; run by `npx jest -c test/matrix/jest.compat.config.js`).
 *
 * - Install: the npm commands n8n's CommunityPackagesService runs (read from n8n's sources):
 *   n8n 1.85.4 and older run `npm init -y` + `npm install <package>` in ~/.n8n/nodes, which also
 *   installs peer dependencies unless they are optional; 1.123.81 and 2.x unpack the tarball,
 *   strip its dev/peer/optional dependencies and run `npm install` inside it.
 * - Load: n8n-core's PackageDirectoryLoader of each line, in a plain Node process whose
 *   NODE_PATH is that line's modules, as n8n's CLI sets it (older-n8n/load-package.js).
 */
import { spawnSync } from 'node:child_process';
import {
	existsSync,
	mkdtempSync,
	readdirSync,
	readFileSync,
	rmSync,
	writeFileSync,
	mkdirSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REPO_ROOT = join(__dirname, '..', '..');
const NAME = 'n8n-nodes-user-provisioning';

let scratch: string;
let tarball: string;

/** A process env with nothing of this repo's npm settings, as n8n passes it (PATH and little else). */
const n8nLikeEnv = (home: string): NodeJS.ProcessEnv => ({
	PATH: process.env.PATH,
	HOME: home,
	NODE_PATH: '',
});

function sh(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
	const res = spawnSync(cmd, args, { cwd, env, encoding: 'utf8', timeout: 180_000 });
	return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

/** npm's warnings and errors (its "notice" lines about newer npm releases are not about us). */
const npmProblems = (stderr: string) =>
	stderr.split('\n').filter((l) => /^npm (warn|error)/i.test(l));

beforeAll(() => {
	scratch = mkdtempSync(join(tmpdir(), 'compat-install-'));
	expect(existsSync(join(REPO_ROOT, 'dist', 'nodes'))).toBe(true); // npm run build first
	const pack = sh(
		'npm',
		['pack', '--ignore-scripts', '--json', '--pack-destination', scratch],
		REPO_ROOT,
	);
	expect(pack.code).toBe(0);
	const [{ filename }] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as Array<{
		filename: string;
	}>;
	tarball = join(scratch, filename);
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('npm install as n8n runs it', () => {
	it('n8n 1.85 (`npm install <package>` in the nodes folder): installs the package alone, no n8n-workflow beside it, no npm warning', () => {
		const nodes = join(scratch, 'old-style', 'nodes');
		mkdirSync(nodes, { recursive: true });
		expect(sh('npm', ['init', '-y'], nodes, n8nLikeEnv(scratch)).code).toBe(0);
		const res = sh('npm', ['install', tarball], nodes, n8nLikeEnv(scratch));
		expect({ code: res.code, problems: npmProblems(res.stderr) }).toEqual({
			code: 0,
			problems: [],
		});
		// A peer n8n-workflow installed here would shadow n8n's own copy (and pull in its native
		// isolated-vm build): the optional peer keeps npm from installing one.
		expect(readdirSync(join(nodes, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual([
			NAME,
		]);
	});

	it('n8n 1.123 and 2.x (unpacked, peer/dev/optional dependencies stripped, `npm install` inside): nothing to install, no warning', () => {
		const dir = join(scratch, 'new-style', NAME);
		mkdirSync(dir, { recursive: true });
		expect(sh('tar', ['-xzf', tarball, '-C', dir, '--strip-components=1'], scratch).code).toBe(0);
		const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as Record<
			string,
			unknown
		>;
		const {
			devDependencies: _d,
			peerDependencies: _p,
			optionalDependencies: _o,
			...kept
		} = manifest;
		writeFileSync(join(dir, 'package.json'), JSON.stringify(kept, null, 2));
		const flags = [
			'--audit=false',
			'--fund=false',
			'--bin-links=false',
			'--install-strategy=shallow',
			'--ignore-scripts=true',
			'--package-lock=false',
		];
		const res = sh('npm', ['install', ...flags], dir, n8nLikeEnv(scratch));
		expect({ code: res.code, problems: npmProblems(res.stderr) }).toEqual({
			code: 0,
			problems: [],
		});
		expect(existsSync(join(dir, 'node_modules'))).toBe(false);
	});
});

describe("n8n-core's package loader, per n8n line", () => {
	let packageDir: string;
	beforeAll(() => {
		packageDir = join(scratch, 'load', '.n8n', 'nodes', 'node_modules', NAME);
		mkdirSync(packageDir, { recursive: true });
		expect(
			sh('tar', ['-xzf', tarball, '-C', packageDir, '--strip-components=1'], scratch).code,
		).toBe(0);
	});

	const load = (pair: string) => {
		const modules = join(__dirname, pair, 'node_modules');
		if (!existsSync(modules))
			throw new Error(`${modules} is missing: run \`npm ci\` in test/matrix/${pair}`);
		const res = sh(
			process.execPath,
			[join(__dirname, 'older-n8n', 'load-package.js'), packageDir],
			scratch,
			{ PATH: process.env.PATH, NODE_PATH: modules },
		);
		return JSON.parse(res.stdout.trim().split('\n').pop() ?? 'null') as {
			core: string;
			ok: boolean;
			nodes?: string[];
			credentials?: string[];
			error?: string;
		};
	};

	it.each([
		['n8n-1.85', '1.84.0'],
		['n8n-1.123', '1.122.48'],
	])(
		'%s loads all six nodes (five and the Chatwoot Trigger) and nine credentials (keepnetBaseApi hidden)',
		(pair, core) => {
			expect(load(pair)).toEqual({
				core,
				ok: true,
				nodes: ['activePlatform', 'chatwoot', 'chatwootTrigger', 'davintoo', 'keepnet', 'keitaro'],
				credentials: [
					'activePlatformApi',
					'chatwootAgentBotApi',
					'chatwootApi',
					'chatwootClientApi',
					'chatwootPlatformApi',
					'davintooApi',
					'keepnetBaseApi',
					'keepnetOAuth2Api',
					'keitaroApi',
				],
			});
		},
	);

	it("n8n 1.82 (older than the lowest supported, no NodeConnectionTypes) refuses the whole package, with n8n's own misleading text", () => {
		// `NodeConnectionTypes.Main` throws a TypeError while n8n instantiates the node class, and
		// n8n-core 1.8x turns every TypeError there into this message (logged at start-up; after an
		// install from the UI: 'The specified package could not be loaded').
		expect(load('n8n-1.82')).toEqual({
			core: '1.81.1',
			ok: false,
			error: 'Class could not be found. Please check if the class is named correctly.',
			cause: null,
		});
	});
});
