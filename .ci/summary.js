// Prints the closing "N passed, N failed" line from jest JSON reports and step results.
// usage: node .ci/summary.js <steps-file> <jest-json>...
const fs = require('fs');
const [stepsFile, ...reports] = process.argv.slice(2);
let passed = 0;
let failed = 0;
for (const file of reports) {
	if (!fs.existsSync(file)) {
		console.log(`missing test report ${file}: counted as 1 failed`);
		failed += 1;
		continue;
	}
	const r = JSON.parse(fs.readFileSync(file, 'utf8'));
	passed += r.numPassedTests;
	failed += r.numFailedTests;
	// A suite that failed to load has no failed tests but must still count.
	failed += r.testResults.filter((t) => t.status === 'failed' && t.assertionResults.every((a) => a.status !== 'failed')).length;
}
for (const line of fs.readFileSync(stepsFile, 'utf8').split('\n').filter(Boolean)) {
	const [step, status] = line.split(' ');
	if (status === 'ok') passed += 1;
	else {
		console.log(`step failed: ${step}`);
		failed += 1;
	}
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
