import { startSandbox, type Platforms, type Sandbox } from '../../sandbox';
import {
	KEEPNET_CLIENT_SECRET,
	KEEPNET_CUSTOMER_COMPANY,
	KEEPNET_RESELLER_ID,
	KEEPNET_RESELLER_SECRET,
} from '../../sandbox/platforms/keepnet';
import { createJane as create, jsonOf, runKeepnet } from './helpers';

let sandbox: Sandbox;
let platforms: Platforms;

beforeAll(async () => {
	({ sandbox, platforms } = await startSandbox());
});
afterAll(async () => sandbox.stop());
beforeEach(() => sandbox.reset());

const issuedTokens = () => [...platforms.keepnet.tokens.keys()];

describe('Keepnet errors, input checks and masking', () => {
	it('invalid input names the item and the field, and nothing at all is sent (not even a token request)', async () => {
		const run = await runKeepnet(sandbox, { ...create, email: 'not-an-email' });
		expect(run.error?.message).toBe('Item 0: Email (email): is not a valid email address');
		expect(run.error?.description).toBe('Nothing was sent.');
		expect(sandbox.requests()).toHaveLength(0);

		const noPhone = await runKeepnet(sandbox, { ...create, phoneNumber: ' ' });
		expect(noPhone.error?.message).toBe('Item 0: Phone Number (phoneNumber): is required');
		const noChange = await runKeepnet(sandbox, {
			operation: 'update',
			resourceId: 'tu1',
			updateFields: {},
		});
		expect(noChange.error?.message).toBe(
			'Item 0: Update Fields (updateFields): set at least one field to change',
		);
		expect(sandbox.requests()).toHaveLength(0);
	});

	it('server validation messages, 404 text; with continueOnFail every item ends as one success or one error', async () => {
		platforms.keepnet.addUser('taken@example.com');
		const items = [
			{ json: { email: 'first@example.com' } },
			{ json: { email: 'taken@example.com' } },
			{ json: { email: 'broken' } },
			{ json: { email: 'last@example.com' } },
		];
		const run = await runKeepnet(
			sandbox,
			{ ...create, email: '={{ $json.email }}' },
			{ items, onError: 'continueRegularOutput' },
		);
		expect(run.error).toBeUndefined();
		const out = run.outputs[0];
		expect(out.map((i) => i.pairedItem)).toEqual([
			{ item: 0 },
			{ item: 1 },
			{ item: 2 },
			{ item: 3 },
		]);
		expect(out[0].json).toMatchObject({ email: 'first@example.com', outcome: 'created' });
		expect(out[1].json).toEqual({
			error: 'Keepnet 400: A target user with this email address already exists.',
			details: { itemIndex: 1, httpCode: '400', description: 'POST /keepnet/api/target-users' },
		});
		expect(out[2].json).toEqual({
			error: 'Item 2: Email (email): is not a valid email address',
			details: { itemIndex: 2, description: 'Nothing was sent.' },
		});
		expect(out[3].json).toMatchObject({ email: 'last@example.com', outcome: 'created' });

		const missing = await runKeepnet(sandbox, { operation: 'get', resourceId: 'nope123' });
		expect(missing.error?.message).toBe('Keepnet 404: Target user not found');
		expect(missing.error?.itemIndex).toBe(0);
	});

	it('Include Request Details and Dry Run echo the request with the token masked; secrets and tokens show nowhere', async () => {
		const credential = {
			clientId: KEEPNET_RESELLER_ID,
			clientSecret: KEEPNET_RESELLER_SECRET,
			companyId: KEEPNET_CUSTOMER_COMPANY,
		};
		const run = await runKeepnet(
			sandbox,
			{ ...create, options: { includeRequestDetails: true } },
			{ credential },
		);
		expect(run.error).toBeUndefined();
		expect(jsonOf(run.outputs[0])[0]).toEqual({
			request: {
				url: `${sandbox.urlOf('/keepnet')}/api/target-users`,
				method: 'POST',
				headers: { Authorization: '***', 'X-KEEPNET-Company-Id': KEEPNET_CUSTOMER_COMPANY },
				body: { email: 'jane.doe@example.com', phoneNumber: '+447700900123' },
			},
			resource: 'targetUser',
			operation: 'create',
			success: true,
			data: { resourceId: 'tu0000001', email: 'jane.doe@example.com', outcome: 'created' },
		});
		const [token] = issuedTokens();
		const text = JSON.stringify(run.outputs);
		expect(text).not.toContain(KEEPNET_RESELLER_SECRET);
		expect(text).not.toContain(token);

		sandbox.log.length = 0;
		const dry = await runKeepnet(
			sandbox,
			{ operation: 'search', returnAll: true, options: { dryRun: true } },
			{ credential },
		);
		expect(sandbox.requests()).toHaveLength(0);
		expect(jsonOf(dry.outputs[0])).toEqual([
			{
				dryRun: true,
				resource: 'targetUser',
				operation: 'search',
				requests: [
					expect.objectContaining({
						method: 'POST',
						url: `${sandbox.urlOf('/keepnet')}/api/target-users/search`,
					}),
				],
			},
		]);
	});

	it('an error after a refresh shows neither the client secret nor either token', async () => {
		const user = platforms.keepnet.addUser('anna@example.com');
		const first = await runKeepnet(sandbox, { operation: 'get', resourceId: user.resourceId });
		const stored = first.credentialsAfter.keepnetOAuth2Api.oauthTokenData;
		platforms.keepnet.expireTokens();
		const run = await runKeepnet(
			sandbox,
			{ operation: 'get', resourceId: 'nope123' },
			{ credential: { oauthTokenData: stored } },
		);
		expect(run.error?.message).toBe('Keepnet 404: Target user not found');
		const raw = JSON.stringify(run.error?.raw);
		for (const secret of [KEEPNET_CLIENT_SECRET, ...issuedTokens()])
			expect(raw).not.toContain(secret);
	});
});
