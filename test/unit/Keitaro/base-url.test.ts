import { KeitaroApi } from '../../../credentials/KeitaroApi.credentials';
import { keitaroBaseUrl } from '../../../nodes/Keitaro/transport';
import { pastedUrls, resolveCredentialUrl } from '../base-url-agreement';

describe('Keitaro base URL: the node and the credential test read a pasted URL the same way', () => {
	const test = String(new KeitaroApi().test.request.baseURL);

	it.each(pastedUrls('https://tracker.example.com', ['/admin_api/v1']))('%j', (url) => {
		const expected = `${url
			.trim()
			.replace(/\/+$/, '')
			.replace(/\/admin_api\/v1$/, '')}/admin_api/v1`;
		expect(keitaroBaseUrl(url)).toBe(expected);
		expect(resolveCredentialUrl(test, { url, apiKey: 'k' })).toBe(expected);
	});
});
