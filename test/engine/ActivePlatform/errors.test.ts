import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import { ACTIVEPLATFORM_SANDBOX_TOKEN as TOKEN } from '../../sandbox/platforms/activeplatform';
import { create, jsonOf, runActivePlatform as run, secretFree, USERS } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;
let ap: Platforms['activeplatform'];

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
	ap = platforms.activeplatform;
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

describe('ActivePlatform errors, input checks and token masking', () => {
	it('shows the {"error"} text with the HTTP code, e.g. "password is missing"', async () => {
		sandbox.fault({
			kind: 'status',
			platform: 'activeplatform',
			method: 'POST',
			status: 422,
			body: { error: 'password is missing' },
		});
		const result = await run(sandbox, create);
		expect(result.error?.message).toBe('ActivePlatform 422: password is missing');
		expect(result.error?.httpCode).toBe('422');
		expect(result.error?.description).toBe('POST /activeplatform/api/vendor/v1/users.json');
	});

	it("the server's own validation reaches the user: a password the operator's rules reject", async () => {
		const result = await run(sandbox, { ...create, password: 'short' });
		expect(result.error?.message).toBe(
			'ActivePlatform 400: password is too short (minimum is 8 characters)',
		);
		expect(ap.users.size).toBe(0);
	});

	it('an unknown attribute key and a taken email come back in words', async () => {
		const unknown = await run(sandbox, {
			...create,
			customAttributes: { attribute: [{ key: 'shoe_size', value: '44' }] },
		});
		expect(unknown.error?.message).toBe(
			"ActivePlatform 404: Couldn't find Attribute with 'key'=shoe_size",
		);
		ap.addUser('olena@example.com');
		const taken = await run(sandbox, create);
		expect(taken.error?.message).toBe('ActivePlatform 422: Email has already been taken');
	});

	it('invalid input names the item and the field, and nothing is sent', async () => {
		const items = [{ json: { email: 'ok@example.com' } }, { json: { email: 'not-an-email' } }];
		const result = await run(sandbox, { ...create, email: '={{ $json.email }}' }, { items });
		expect(result.error?.message).toBe('Item 1: Email (email): is not a valid email address');
		expect(result.error?.itemIndex).toBe(1);
		expect(result.error?.description).toBe('Nothing was sent.');
		expect(sandbox.requests().map((r) => (r.body as { email: string }).email)).toEqual([
			'ok@example.com',
		]);
	});

	it('update with nothing to change and a bad role are refused before sending', async () => {
		const empty = await run(sandbox, { operation: 'update', userId: 5, updateFields: {} });
		expect(empty.error?.message).toBe(
			'Item 0: Update Fields (updateFields): set at least one field or custom attribute to change',
		);
		const role = await run(sandbox, {
			operation: 'attachToAccount',
			userId: 5,
			accountId: 6,
			role: 'root',
		});
		expect(role.error?.message).toBe('Item 0: Role (role): must be user, admin or owner');
		// An expression is checked by the node; a typed ID by the locator's own rule; none at all by n8n.
		const id = await run(sandbox, {
			operation: 'get',
			userId: { __rl: true, mode: 'id', value: '={{ 0 }}' },
		});
		expect(id.error?.message).toBe('Item 0: User ID (userId): must be a positive number');
		const typed = run(sandbox, {
			operation: 'get',
			userId: { __rl: true, mode: 'id', value: '0' },
		});
		// n8n will not start the run: 2.x names the locator's rule, 1.x only says the workflow has issues.
		await expect(typed).rejects.toThrow(
			/Enter a whole number greater than 0|^The workflow has issues and cannot be executed/,
		);
		await expect(run(sandbox, { operation: 'get', userId: 0 })).rejects.toThrow(
			/Parameter "User ID" is required\.|^The workflow has issues and cannot be executed/,
		);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('with continueOnFail, each item gives one success or one error item, paired', async () => {
		ap.addUser('taken@example.com');
		const items = [
			{ json: { email: 'first@example.com' } },
			{ json: { email: 'taken@example.com' } },
			{ json: { email: '' } },
			{ json: { email: 'last@example.com' } },
		];
		const result = await run(
			sandbox,
			{ ...create, email: '={{ $json.email }}' },
			{ items, onError: 'continueRegularOutput' },
		);
		expect(result.error).toBeUndefined();
		const out = result.outputs[0];
		expect(out.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(out[0].json).toMatchObject({ email: 'first@example.com' });
		expect(out[1].json).toEqual({
			error: 'ActivePlatform 422: Email has already been taken',
			details: {
				itemIndex: 1,
				httpCode: '422',
				description: 'POST /activeplatform/api/vendor/v1/users.json',
			},
		});
		expect(out[2].json).toEqual({
			error: 'Item 2: Email (email): is required',
			details: { itemIndex: 2, description: 'Nothing was sent.' },
		});
		expect(out[3].json).toMatchObject({ email: 'last@example.com' });
		expect(sandbox.requests()).toHaveLength(3);
		secretFree(result.outputs);
	});

	it('"Continue (using error output)" routes failures to the error branch', async () => {
		const result = await run(
			sandbox,
			{ operation: 'get', userId: 4242 },
			{ onError: 'continueErrorOutput' },
		);
		expect(result.outputs[0]).toEqual([]);
		expect(jsonOf(result.outputs[1])).toEqual([
			{
				// error + message: the shape n8n 1.x and 2.x both send to the error output.
				error: "ActivePlatform 404: Couldn't find User with 'id'=4242",
				message: 'GET /activeplatform/api/vendor/v1/users/4242.json — HTTP 404',
			},
		]);
	});

	it('a wrong token gives 401 with a hint, and the token shows nowhere', async () => {
		const wrong = 'wrong-token-0000-1111';
		const result = await run(sandbox, { operation: 'get', userId: 1 }, { apiToken: wrong });
		expect(sandbox.requests()[0].query.api_token).toBe(wrong);
		expect(result.error?.message).toBe(
			'ActivePlatform refused the API Token (HTTP 401). Check the API Token in the ActivePlatform credential.',
		);
		expect(result.error?.description).toBe(
			"A manager's token is made in the Operator Control Panel (Managers > the manager > Regenerate Token); regenerating it makes the old one stop working. — GET /activeplatform/api/vendor/v1/users/1.json",
		);
		expect(JSON.stringify(result.error?.raw)).not.toContain(wrong);
		expect(JSON.stringify(result.outputs)).not.toContain(wrong);
	});

	it('masks the token when the server echoes the URL in its error text and in an HTML error page', async () => {
		sandbox.fault({
			kind: 'status',
			platform: 'activeplatform',
			method: 'GET',
			status: 400,
			body: { error: `bad request: GET ${USERS}?api_token=${TOKEN}&page=1 (token ${TOKEN})` },
		});
		const echoed = await run(sandbox, { operation: 'getAll', returnAll: true });
		expect(echoed.error?.message).toBe(
			`ActivePlatform 400: bad request: GET ${USERS}?api_token=***&page=1 (token ***)`,
		);
		expect(JSON.stringify(echoed.error?.raw)).not.toContain(TOKEN);

		sandbox.fault({
			kind: 'status',
			platform: 'activeplatform',
			method: 'GET',
			status: 500,
			body: `<html><body>Error at /api/vendor/v1/users/3.json?api_token=${TOKEN}</body></html>`,
		});
		const html = await run(
			sandbox,
			{ operation: 'get', userId: 3, options: { maxTries: 1 } },
			{ onError: 'continueRegularOutput' },
		);
		const item = jsonOf(html.outputs[0])[0] as { error: string; details: { description: string } };
		expect(item.error).toBe('ActivePlatform 500: The service had an internal error');
		expect(item.details.description).toContain('api_token=***');
		secretFree(html.outputs);
	});
});
