// Prints "N passed, N failed" from vitest's JSON report; a missing report counts as one failure.
import {readFileSync} from 'node:fs';

const [file, status] = process.argv.slice(2);
let passed = 0;
let failed = 0;
let skipped = 0;
try {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed = report.numPassedTests;
  skipped = report.numPendingTests + (report.numTodoTests ?? 0);
  // A suite that fails to load has no failed tests of its own: count it.
  const brokenSuites = (report.testResults ?? []).filter((r) => r.status === 'failed' && (r.assertionResults ?? []).length === 0).length;
  failed = report.numFailedTests + brokenSuites;
} catch (error) {
  console.log(`No test report (${error.message}).`);
  failed = 1;
}
if (Number(status) !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failed === 0 && Number(status) === 0 ? 0 : 1);
