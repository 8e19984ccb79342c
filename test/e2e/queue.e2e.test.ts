/**
 * Queue mode, the way n8n scales past one machine: redis + a main that takes the webhook + a
 * worker that runs it, both loading the package from the shared user folder.
 */
import { KEITARO_SANDBOX_KEY } from '../sandbox/platforms/keitaro';
import { CREDENTIAL_IDS } from './examples';
import {
	publishWorkflow,
	startN8n,
	startRedis,
	startWorker,
	waitForWebhook,
	type WorkflowFile,
} from './n8n';
import { warningsAboutPackage } from './package-warnings';
import { PACKAGE_NAME, setUpN8n, type E2eEnv } from './setup';

const PATH = 'e2e-queue-keitaro';
const workflow: WorkflowFile = {
	id: 'e2eQueueKeitaro1',
	name: 'e2e: queue mode, Keitaro create from a webhook',
	nodes: [
		{
			id: 'wh',
			name: 'Webhook',
			type: 'n8n-nodes-base.webhook',
			typeVersion: 2,
			position: [0, 0],
			parameters: { httpMethod: 'GET', path: PATH, responseMode: 'lastNode', options: {} },
			webhookId: '5f0c8a52-8f5e-4a0e-9d7e-3c2b1a0f9e11',
		},
		{
			id: 'kt',
			name: 'Create user',
			type: `${PACKAGE_NAME}.keitaro`,
			typeVersion: 1,
			position: [220, 0],
			parameters: {
				resource: 'user',
				operation: 'create',
				inputMode: 'fields',
				login: '={{ $json.query.login }}',
				password: 'Queue-Pass-1',
				type: 'USER',
				additionalFields: {},
			},
			credentials: { keitaroApi: { id: CREDENTIAL_IDS.keitaroApi, name: 'Keitaro (sandbox)' } },
		},
	],
	connections: { Webhook: { main: [[{ node: 'Create user', type: 'main', index: 0 }]] } },
};

let env: E2eEnv;

beforeAll(async () => {
	env = await setUpN8n({ workflows: [workflow] });
	await publishWorkflow(env.folder, workflow.id);
});
afterAll(async () => env?.close());

it('a webhook on main is executed by the worker, which runs the Keitaro node against the sandbox', async () => {
	const redis = await startRedis();
	const [main, worker] = await Promise.all([
		startN8n(env.folder, { mode: 'queue', redis }),
		startWorker(env.folder, { redis }),
	]);
	await waitForWebhook(main, PATH);

	const res = await fetch(`${main.baseUrl}/webhook/${PATH}?login=queue.user`);
	expect(res.status).toBe(200);
	expect(await res.json()).toMatchObject({ id: 1, login: 'queue.user', type: 'USER' });

	const [post] = env.sandbox.requests('keitaro');
	expect(post).toMatchObject({
		method: 'POST',
		path: '/admin_api/v1/users',
		body: { login: 'queue.user', new_password: 'Queue-Pass-1' },
	});
	expect(post.headers['api-key']).toBe(KEITARO_SANDBOX_KEY);

	const executionId = /Enqueued execution (\d+)/.exec(main.logs())?.[1];
	expect(executionId).toBeDefined();
	for (
		let i = 0;
		i < 40 && !worker.logs().includes(`Worker finished execution ${executionId}`);
		i++
	)
		await new Promise((r) => setTimeout(r, 250));
	expect(worker.logs()).toContain(`Worker started execution ${executionId}`);
	expect(worker.logs()).toContain(`Worker finished execution ${executionId}`);
	// Both processes loaded the package without complaint.
	expect(warningsAboutPackage(main.logs())).toEqual([]);
	expect(warningsAboutPackage(worker.logs())).toEqual([]);
	await Promise.all([main.stop(), worker.stop()]);
	await redis.stop();
});
