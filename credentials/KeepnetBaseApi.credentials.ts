import type { Icon, ICredentialType, INodeProperties } from 'n8n-workflow';

import { KEEPNET_FIELDS, KEEPNET_TEST } from './KeepnetOAuth2Api.credentials';

/**
 * Not a credential of its own (hidden from "Add credential"): it only orders the form of Keepnet
 * Labs OAuth2 API. n8n lays out an extending credential in its parents' order, and oAuth2Api
 * places Client ID and Client Secret first, so Base URL and Company ID would come last. As the
 * first parent, this type puts the Keepnet fields first.
 */
export class KeepnetBaseApi implements ICredentialType {
	name = 'keepnetBaseApi';

	displayName = 'Keepnet Labs Base API';

	hidden = true;

	icon: Icon = 'file:../nodes/Keepnet/keepnet.svg';

	documentationUrl =
		'https://github.com/n8n-nodes-user-provisioning/n8n-nodes-user-provisioning#keepnet-labs';

	properties: INodeProperties[] = KEEPNET_FIELDS;

	// Never run (no credential of this type can be made); present because every credential type needs one.
	test = KEEPNET_TEST;
}
