/**
 * Judges a compatibility run against the failures known for that leg (known-failures.json):
 *   node test/matrix/check-known-failures.js <leg> <jest-json>     a jest --json report
 *   node test/matrix/check-known-failures.js <leg> <tsc-output>    `tsc --pretty false` output
 * Passes only when every failure is listed for the leg with a reason, and every listed one ran
 * and failed: a fix that makes one pass must also take it off the list. Entries under `flaky`
 * may pass or fail. Prints one line per problem and a summary; exit 1 on any problem.
 */
const { readFileSync, existsSync } = require('node:fs');
const { join, relative } = require('node:path');

const [leg, reportFile] = process.argv.slice(2);
if (!leg || !reportFile) {
	console.error('usage: node test/matrix/check-known-failures.js <leg> <jest-json | tsc-output>');
	process.exit(2);
}
const {
	reasons,
	legs,
	flaky: flakyLegs,
} = JSON.parse(readFileSync(join(__dirname, 'known-failures.json'), 'utf8'));
const known = legs[leg] ?? {};
const flaky = flakyLegs?.[leg] ?? {};
const root = join(__dirname, '..', '..');
const problems = [];
for (const [key, reason] of Object.entries({ ...known, ...flaky })) {
	if (!reasons[reason]) problems.push(`unknown reason "${reason}" for ${key}`);
}
if (!existsSync(reportFile)) {
	console.log(`${leg}: no report at ${reportFile}`);
	process.exit(1);
}

/** Every check in the report as [key, passed]. */
function outcomes() {
	const text = readFileSync(reportFile, 'utf8');
	if (!reportFile.endsWith('.json')) {
		// tsc: one key per error, without line numbers (they move with every edit).
		const errors = [...text.matchAll(/^(.+?)\(\d+,\d+\): error (TS\d+): (.*)$/gm)];
		if (errors.length === 0 && /error TS/.test(text))
			problems.push(`tsc output not understood: ${text.slice(0, 300)}`);
		return errors.map(([, file, code, message]) => [`${file} › ${code}: ${message}`, false]);
	}
	const report = JSON.parse(text);
	const out = [];
	for (const suite of report.testResults) {
		const file = relative(root, suite.name);
		if (suite.status === 'failed' && suite.assertionResults.every((a) => a.status !== 'failed')) {
			problems.push(
				`suite did not run: ${file}: ${(suite.message || '').split('\n').find((l) => l.trim()) ?? ''}`,
			);
		}
		for (const test of suite.assertionResults) {
			if (test.status === 'passed' || test.status === 'failed')
				out.push([`${file} › ${test.fullName}`, test.status === 'passed']);
		}
	}
	return out;
}

const seen = new Set();
let passed = 0;
let failedAsKnown = 0;
for (const [key, ok] of outcomes()) {
	seen.add(key);
	if (ok) passed++;
	if (flaky[key]) continue;
	if (ok && known[key]) problems.push(`now passes, take it off known-failures.json: ${key}`);
	if (!ok && known[key]) failedAsKnown++;
	if (!ok && !known[key]) problems.push(`fails: ${key}`);
}
for (const key of [...Object.keys(known), ...Object.keys(flaky)]) {
	if (!seen.has(key)) problems.push(`listed but did not run: ${key}`);
}
for (const p of problems) console.log(`${leg}: ${p}`);
const byReason = {};
for (const reason of Object.values(known)) byReason[reason] = (byReason[reason] ?? 0) + 1;
const detail = Object.entries(byReason)
	.map(([r, n]) => `${n} ${r}`)
	.join(', ');
console.log(
	`${leg}: ${passed} passed, ${failedAsKnown} known failures${detail ? ` (${detail})` : ''}, ${problems.length} problems`,
);
process.exit(problems.length ? 1 : 0);
