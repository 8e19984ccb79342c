import { isSecretKey, MASK, maskDeep, maskPairs, maskString } from '../../../nodes/shared/mask';

describe('masking', () => {
	it('masks secret keys at any depth, keeps the rest', () => {
		const input = {
			login: 'anna',
			new_password: 'S3cret!',
			new_password_confirmation: 'S3cret!',
			nested: {
				api_access_token: 'tok-123456',
				list: [{ client_secret: 'cs-999999' }, { name: 'x' }],
			},
			headers: {
				'Api-Key': 'k-abcdef',
				Authorization: 'Bearer abcdef123',
				Accept: 'application/json',
			},
		};
		expect(maskDeep(input)).toEqual({
			login: 'anna',
			new_password: MASK,
			new_password_confirmation: MASK,
			nested: { api_access_token: MASK, list: [{ client_secret: MASK }, { name: 'x' }] },
			headers: { 'Api-Key': MASK, Authorization: MASK, Accept: 'application/json' },
		});
		// The original is untouched.
		expect(input.new_password).toBe('S3cret!');
	});

	it('masks known secret values inside any text, also URL-encoded', () => {
		const secret = 'k3y/with+chars';
		const text = `GET https://x.test/a?q=1&other=${encodeURIComponent(secret)} failed: key ${secret} rejected`;
		const out = maskString(text, [secret]);
		expect(out).not.toContain(secret);
		expect(out).not.toContain(encodeURIComponent(secret));
		expect(out).toBe(`GET https://x.test/a?q=1&other=${MASK} failed: key ${MASK} rejected`);
	});

	it('masks secret query parameters and bearer tokens without knowing the value', () => {
		expect(
			maskString('https://billing.test/api/vendor/v1/users.json?page=2&api_token=abc123&x=1'),
		).toBe('https://billing.test/api/vendor/v1/users.json?page=2&api_token=***&x=1');
		expect(maskString('header Authorization: Bearer eyJhbGciOi.xyz was refused')).toBe(
			'header Authorization: Bearer *** was refused',
		);
	});

	it('does not treat ordinary fields as secrets', () => {
		for (const key of [
			'login',
			'type',
			'key_count',
			'keyCount',
			'email',
			'tokenType',
			'accessTokenUrl',
			'state',
		]) {
			expect(isSecretKey(key)).toBe(false);
		}
		for (const key of [
			'password',
			'new_password',
			'apiKey',
			'api_token',
			'X-Cbr-Authorization',
			'clientSecret',
			'access_token',
		]) {
			expect(isSecretKey(key)).toBe(true);
		}
	});

	it('ignores secret values too short to be real', () => {
		expect(maskString('the type is USER', ['USE'])).toBe('the type is USER');
	});

	it('masks form pairs by key and by value', () => {
		expect(
			maskPairs(
				[
					['password', 'p'],
					['note', 'has tok-123456 in it'],
					['email', 'a@b.c'],
				],
				['tok-123456'],
			),
		).toEqual([
			['password', MASK],
			['note', `has ${MASK} in it`],
			['email', 'a@b.c'],
		]);
	});
});
