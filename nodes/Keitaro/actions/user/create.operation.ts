import type { IDataObject } from 'n8n-workflow';
import { z } from 'zod';

import { defineOperation } from '../../../shared/operation';
import { jsonObject, requiredString } from '../../../shared/checks';
import {
	languageOption,
	passwordBody,
	preferencesBody,
	preferencesInput,
	timezoneOption,
	typeProperty,
	userType,
	verifyByLogin,
} from '../../helpers/user-fields';

const fieldsMode = z.object({
	inputMode: z.literal('fields'),
	login: requiredString('the login'),
	password: z.string({ required_error: 'is required' }).min(1, 'is required'),
	type: userType.default('USER'),
	additionalFields: preferencesInput,
});

const jsonMode = z.object({
	inputMode: z.literal('json'),
	userData: jsonObject
		.refine((o) => typeof o.login === 'string' && o.login.trim() !== '', {
			message: 'needs "login" (text)',
		})
		.refine(
			(o) =>
				typeof (o.new_password ?? o.password) === 'string' &&
				String(o.new_password ?? o.password) !== '',
			{
				message: 'needs "new_password" (text)',
			},
		),
});

const input = z.discriminatedUnion('inputMode', [fieldsMode, jsonMode]);

/** The create body; the JSON mode is sent as given, with the confirmation filled in and a default type. */
export function createBody(value: z.output<typeof input>): IDataObject {
	if (value.inputMode === 'json') {
		const data: IDataObject = { ...value.userData } as IDataObject;
		const password = String(data.new_password ?? data.password);
		delete data.password;
		return {
			type: 'USER',
			...data,
			new_password: password,
			new_password_confirmation: data.new_password_confirmation ?? password,
		};
	}
	const body: IDataObject = {
		login: value.login,
		type: value.type,
		...passwordBody(value.password),
	};
	const preferences = preferencesBody(value.additionalFields);
	if (preferences) body.preferences = preferences;
	return body;
}

export const create = defineOperation({
	resource: 'user',
	operation: 'create',
	name: 'Create',
	action: 'Create a user',
	description: 'Create a Keitaro user',
	properties: [
		{
			displayName: 'Input Mode',
			name: 'inputMode',
			type: 'options',
			noDataExpression: true,
			options: [
				{ name: 'Fields', value: 'fields', description: 'Fill in the fields below' },
				{
					name: 'JSON',
					value: 'json',
					description: 'Send user data as JSON, as the Admin API takes it',
				},
			],
			default: 'fields',
		},
		{
			displayName: 'Login',
			name: 'login',
			type: 'string',
			required: true,
			default: '',
			displayOptions: { show: { inputMode: ['fields'] } },
		},
		{
			displayName: 'Password',
			name: 'password',
			type: 'string',
			typeOptions: { password: true },
			required: true,
			default: '',
			description: 'Sent as both new_password and new_password_confirmation',
			displayOptions: { show: { inputMode: ['fields'] } },
		},
		{ ...typeProperty, displayOptions: { show: { inputMode: ['fields'] } } },
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			displayOptions: { show: { inputMode: ['fields'] } },
			options: [languageOption, timezoneOption],
		},
		{
			displayName: 'User Data',
			name: 'userData',
			type: 'json',
			required: true,
			default: '{\n  "login": "",\n  "new_password": "",\n  "type": "USER"\n}',
			description:
				'The user as the Admin API takes it (login, new_password, type, preferences). new_password_confirmation is filled from new_password; type defaults to USER.',
			displayOptions: { show: { inputMode: ['json'] } },
		},
	],
	input,
	request: (value) => {
		const body = createBody(value);
		return { method: 'POST', path: '/users', body, verify: verifyByLogin(String(body.login)) };
	},
});
