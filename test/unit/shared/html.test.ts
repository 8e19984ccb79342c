import { htmlList, plainText } from '../../../nodes/shared/html';

describe('descriptions for the editor (HTML) and for error items (text)', () => {
	it('a list escapes what could read as markup, and comes back as the same text', () => {
		const html = `Problems:${htmlList(['Login: is required', 'Note: must not contain <b> & co'])}Nothing was sent.`;
		expect(html).toBe(
			'Problems:<ul><li>Login: is required</li><li>Note: must not contain &lt;b&gt; &amp; co</li></ul>Nothing was sent.',
		);
		expect(plainText(html)).toBe(
			'Problems:\n- Login: is required\n- Note: must not contain <b> & co\nNothing was sent.',
		);
	});

	it('text without list or line tags is left exactly as it is', () => {
		for (const text of [
			'Nothing was sent.',
			'a < b and c > d',
			'GET /api/v2/users/list — x &amp; y',
		])
			expect(plainText(text)).toBe(text);
	});
});
