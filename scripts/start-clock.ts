/**
 * When the user's command began: `npm start` runs bootstrap, the build and this script one after
 * another, so the time a user waits is counted from the npm process that runs the chain, not from
 * this script. Linux /proc gives each ancestor's start time; without it, or when not run by an npm
 * script (node .build/scripts/start.js), this process's own start is used.
 */
import { readFileSync } from 'node:fs';

/** Linux reports process start times in clock ticks of USER_HZ, which is 100 on every arch. */
const TICKS_PER_SECOND = 100;

interface ProcInfo {
	ppid: number;
	startTicks: number;
}

function procInfo(pid: number): ProcInfo | undefined {
	try {
		const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
		// The command name may hold spaces and parentheses: fields start after the last ')'.
		const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
		return { ppid: Number(fields[1]), startTicks: Number(fields[19]) };
	} catch {
		return undefined;
	}
}

/** npm sets its process title to e.g. "npm start"; before that, argv is [node, .../npm(-cli.js)]. */
function isNpm(pid: number): boolean {
	try {
		const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
		return (
			/^npm( |$)/.test(argv[0]) || argv.slice(0, 2).some((arg) => /(^|\/)npm(-cli\.js)?$/.test(arg))
		);
	} catch {
		return false;
	}
}

function bootTimeMs(): number | undefined {
	try {
		const line = readFileSync('/proc/stat', 'utf8')
			.split('\n')
			.find((l) => l.startsWith('btime '));
		return line ? Number(line.split(' ')[1]) * 1000 : undefined;
	} catch {
		return undefined;
	}
}

/** Epoch ms at which the nearest npm ancestor started, else this process's start. */
export function commandStartMs(): number {
	const own = Date.now() - process.uptime() * 1000;
	// Only an npm script (npm start) sets this; an npm further up (npx jest) is not our command.
	if (!process.env.npm_lifecycle_event) return own;
	const boot = bootTimeMs();
	if (boot === undefined) return own;
	let pid = process.ppid;
	for (let depth = 0; depth < 8 && pid > 1; depth++) {
		const info = procInfo(pid);
		if (!info) break;
		if (isNpm(pid)) {
			const started = boot + (info.startTicks * 1000) / TICKS_PER_SECOND;
			// btime is whole seconds: never report a start later than our own.
			return Math.min(started, own);
		}
		pid = info.ppid;
	}
	return own;
}
