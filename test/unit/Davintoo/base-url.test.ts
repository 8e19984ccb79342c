import { DavintooApi } from '../../../credentials/DavintooApi.credentials';
import { davintooBaseUrl } from '../../../nodes/Davintoo/transport';
import { pastedUrls, resolveCredentialUrl } from '../base-url-agreement';

describe('Davintoo base URL: the node and the credential test read a pasted URL the same way', () => {
	const test = String(new DavintooApi().test.request.baseURL);

	it.each(pastedUrls('https://acme.davintoo.com', ['/api/v2']))('%j', (url) => {
		const expected = `${url
			.trim()
			.replace(/\/+$/, '')
			.replace(/\/api\/v2$/, '')}/api/v2`;
		expect(davintooBaseUrl(url)).toBe(expected);
		expect(resolveCredentialUrl(test, { url, apiToken: 't' })).toBe(expected);
	});
});
