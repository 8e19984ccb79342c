/**
 * What the n8n editor shows of the nodes, checked as data: one name per operation (the nodes
 * panel's action says what the Operation list says), IDs as resource locators whose "From List"
 * has a method behind it, and a canvas subtitle in words.
 */
import type { INode, INodeProperties, INodeType } from 'n8n-workflow';
import { Workflow } from 'n8n-workflow';

import { ActivePlatform } from '../../nodes/ActivePlatform/ActivePlatform.node';
import { Davintoo } from '../../nodes/Davintoo/Davintoo.node';
import { Keepnet } from '../../nodes/Keepnet/Keepnet.node';
import { Keitaro } from '../../nodes/Keitaro/Keitaro.node';
import type { Operation } from '../../nodes/shared/operation';
import { HarnessNodeTypes } from '../harness/node-types';
import { DESCRIPTOR_SAMPLES, NODE_OPERATIONS } from './descriptor-samples';

/** Chatwoot is left out: its node is being rebuilt (issue 14), with names such as Create / "Invite an agent". */
const NODES: Record<string, INodeType> = {
	Keitaro: new Keitaro(),
	Keepnet: new Keepnet(),
	ActivePlatform: new ActivePlatform(),
	Davintoo: new Davintoo(),
};

const words = (text: string) => text.toLowerCase().split(/\s+/);
const each = Object.entries(NODES).flatMap(([dir, node]) =>
	NODE_OPERATIONS[dir].map((op) => ({ dir, node, op })),
);

/** Parameters that hold the ID of a record the operation acts on. */
const ID_PARAMETERS = ['userId', 'accountId', 'resourceId'];
const idParameters = (op: Operation): INodeProperties[] =>
	op.properties.filter(
		(p) =>
			ID_PARAMETERS.includes(p.name) ||
			(p.name === 'uid' && ['block', 'unblock'].includes(op.operation)),
	);

describe('what the editor shows', () => {
	it.each(each.map(({ dir, op }) => [`${dir} ${op.resource}.${op.operation}`, op] as const))(
		'%s: the action in the nodes panel carries every word of the operation name',
		(_key, op) => {
			const action = words(op.action);
			expect(words(op.name).filter((w) => !action.includes(w))).toEqual([]);
		},
	);

	it('every ID of a record is a resource locator; its From List has a listSearch method on the node', () => {
		const seen: string[] = [];
		for (const { dir, node, op } of each) {
			for (const p of idParameters(op)) {
				seen.push(`${dir}.${op.operation}.${p.name}`);
				expect({ op: `${dir}.${op.operation}`, name: p.name, type: p.type }).toEqual({
					op: `${dir}.${op.operation}`,
					name: p.name,
					type: 'resourceLocator',
				});
				const list = p.modes?.find((m) => m.name === 'list');
				const method = list?.typeOptions?.searchListMethod;
				if (method) expect(Object.keys(node.methods?.listSearch ?? {})).toContain(method);
				expect(p.modes?.map((m) => m.name)).toContain('id');
			}
		}
		// The lists exist where the APIs can list: every user/target user ID, and the accounts of a user.
		expect(seen.length).toBeGreaterThanOrEqual(16);
		const fromList = each.flatMap(({ dir, op }) =>
			idParameters(op)
				.filter((p) => p.modes?.some((m) => m.name === 'list'))
				.map((p) => `${dir}.${op.operation}.${p.name}`),
		);
		expect(seen.filter((s) => !fromList.includes(s))).toEqual([
			'ActivePlatform.attachToAccount.accountId',
			'ActivePlatform.getAccountUsers.accountId',
			'ActivePlatform.sync.accountId',
		]);
	});

	it('the lists say what they hold', () => {
		const placeholder = (dir: string, operation: string, name: string) =>
			NODE_OPERATIONS[dir]
				.find((o) => o.operation === operation)
				?.properties.find((p) => p.name === name)
				?.modes?.find((m) => m.name === 'list')?.placeholder;
		expect(placeholder('Keitaro', 'get', 'userId')).toBe('Select a user...');
		expect(placeholder('Keepnet', 'get', 'resourceId')).toBe('Select a target user...');
		expect(placeholder('ActivePlatform', 'detachFromAccount', 'accountId')).toBe(
			'Select an account of this user...',
		);
		expect(placeholder('Davintoo', 'block', 'uid')).toBe('Select a user...');
	});

	it('an ID picked from a list parses as the plain ID an older workflow stored', () => {
		for (const { dir, op } of each) {
			const sample = DESCRIPTOR_SAMPLES[`${dir}.${op.resource}.${op.operation}`];
			const ids = idParameters(op).map((p) => p.name);
			if (!ids.length) continue;
			const asLocators = Object.fromEntries(
				Object.entries(sample.params).map(([k, v]) => [
					k,
					ids.includes(k)
						? { __rl: true, mode: 'list', value: String(v), cachedResultName: 'x' }
						: v,
				]),
			);
			const plain = op.parse(sample.params);
			const picked = op.parse(asLocators);
			expect({ op: `${dir}.${op.operation}`, ok: picked.ok }).toEqual({
				op: `${dir}.${op.operation}`,
				ok: true,
			});
			if (plain.ok && picked.ok) expect(picked.input).toEqual(plain.input);
		}
	});

	it.each([
		['Keitaro', 'user', 'get', 'Get a user'],
		['Keepnet', 'targetUser', 'addToGroups', 'Add a target user to groups'],
		['ActivePlatform', 'user', 'detachFromAccount', 'Detach a user from an account'],
		['Davintoo', 'user', 'importOne', 'Import one user'],
	])('%s: the canvas subtitle of %s.%s reads "%s"', (dir, resource, operation, expected) => {
		const type = NODES[dir];
		const node: INode = {
			id: 'n',
			name: 'N',
			type: 'test.node',
			typeVersion: 1,
			position: [0, 0],
			parameters: { resource, operation },
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: new HarnessNodeTypes({ 'test.node': type }),
		});
		const subtitle = workflow.expression.getSimpleParameterValue(
			node,
			String(type.description.subtitle),
			'internal',
			{},
		);
		expect(subtitle).toBe(expected);
	});
});
