import { PACKAGE_NAME } from './setup';

/** Lines of n8n output that warn or fail about this package, its files or its node names. */
export function warningsAboutPackage(text: string): string[] {
	return text
		.split('\n')
		.filter((l) => /warn|error|fail|deprecat|could not|cannot|unable/i.test(l))
		.filter((l) => l.includes(PACKAGE_NAME) || /dist\/(nodes|credentials)\//.test(l) || /\b(Keitaro|Keepnet|Chatwoot|ActivePlatform|Davintoo)\b/.test(l));
}
