import type { IDataObject } from 'n8n-workflow';

import { listSearchMethod } from '../../shared/locator';
import { searchRequest } from '../actions/targetUser/search.operation';
import { keepnetPlatform, unwrap } from '../transport';
import { type PagedResults, RESOURCE } from './fields';

const PAGE_SIZE = 50;

/** The "From List" pickers: Keepnet's own search box (email and names), page by page. */
export const keepnetListSearch = {
	searchTargetUsers: listSearchMethod(keepnetPlatform, {
		resource: RESOURCE,
		request: (filter, page) =>
			searchRequest(
				{ filters: {}, searchOptions: { searchText: filter, orderBy: 'Email', ascending: true } },
				page,
				PAGE_SIZE,
			),
		read: (body, page) => {
			const answer = unwrap<PagedResults<IDataObject> | null>(body);
			const items = Array.isArray(answer?.results) ? answer.results : [];
			const pages = Number(answer?.totalNumberOfPages);
			return { items, more: Number.isFinite(pages) ? page < pages : items.length === PAGE_SIZE };
		},
		choice: (user) => {
			const name = [user.firstName, user.lastName]
				.filter((v) => typeof v === 'string' && v.trim())
				.join(' ');
			return {
				name: name ? `${String(user.email)} (${name})` : String(user.email),
				value: String(user.resourceId),
			};
		},
	}),
};
