import { PACKAGE_NAME } from './setup';

/** Lines of n8n output that warn or fail about a package (default: the all-in-one), its files or its node names. */
export function warningsAboutPackage(text: string, packageName = PACKAGE_NAME): string[] {
	return text
		.split('\n')
		.filter((l) => /warn|error|fail|deprecat|could not|cannot|unable/i.test(l))
		.filter(
			(l) =>
				l.includes(packageName) ||
				/dist\/(nodes|credentials)\//.test(l) ||
				/\b(Keitaro|Keepnet|Chatwoot|ActivePlatform|Davintoo)\b/.test(l),
		);
}
