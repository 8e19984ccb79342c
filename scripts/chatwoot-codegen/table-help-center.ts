/** Application API: help center portals, categories and articles. */
import type { FieldRule, GeneratedOperation, PathRule } from './types';

const portalFields: Record<string, FieldRule | 'omit'> = {
	name: { description: 'The name of the portal' },
	slug: { description: "The part of the portal's address that names it, e.g. handbook (unique)" },
	color: { kind: 'color', description: 'The header color of the help center' },
	custom_domain: {
		displayName: 'Custom Domain',
		description: 'A domain of your own for the help center, e.g. help.example.com',
	},
	header_text: { displayName: 'Header Text', description: 'The heading of the help center' },
	homepage_link: { displayName: 'Homepage Link', description: 'A link back to your website' },
	page_title: { displayName: 'Page Title', description: 'The browser title of the help center' },
	archived: { kind: 'boolean', description: 'Whether the portal is archived (not live)' },
	config: {
		kind: 'json',
		description: 'Locales as JSON, e.g. {"allowed_locales": ["en", "es"], "default_locale": "en"}',
	},
};

const portal: PathRule = { kind: 'portal' };

export const HELP_CENTER_OPERATIONS: GeneratedOperation[] = [
	{
		spec: 'get-portal',
		resource: 'portal',
		operation: 'getAll',
		name: 'Get Many',
		action: 'Get many portals',
		description: 'List the help center portals of the account',
		list: { at: 'payload', what: 'portals' },
	},
	{
		spec: 'add-new-portal-to-account',
		resource: 'portal',
		operation: 'create',
		name: 'Create',
		action: 'Create a portal',
		description: 'Create a help center portal',
		fields: {
			...portalFields,
			name: { ...(portalFields.name as FieldRule), required: true },
			slug: { ...(portalFields.slug as FieldRule), required: true },
		},
		notes: [
			'The spec marks nothing required; the Portal model validates the name and the slug (unique).',
		],
		lookup: { path: '/portals', at: 'payload', key: 'slug' },
	},
	{
		spec: 'update-portal-to-account',
		resource: 'portal',
		operation: 'update',
		name: 'Update',
		action: 'Update a portal',
		description: 'Change the settings of a help center portal',
		ids: { id: portal },
		fields: portalFields,
		notes: [
			'Chatwoot finds portals by slug (PortalsController#fetch_portal), so the "id" in the path is the slug.',
		],
	},
	{
		spec: 'add-new-category-to-account',
		resource: 'category',
		operation: 'create',
		name: 'Create',
		action: 'Create a category',
		description: 'Create a category of articles in a help center portal',
		ids: { id: portal },
		fields: {
			name: { required: true, description: 'The name of the category' },
			description: { description: 'What the category is about' },
			position: {
				kind: 'integer',
				description: "Where the category sits in the portal's list (lower first)",
			},
			slug: {
				required: true,
				description:
					'The part of the address that names the category (unique per portal and locale)',
			},
			locale: {
				required: true,
				description: 'The language of the category, e.g. en',
				default: 'en',
			},
			icon: { description: 'An emoji shown with the category' },
			parent_category_id: {
				displayName: 'Parent Category ID',
				kind: 'id',
				description: 'The category this one sits under',
			},
			associated_category_id: {
				displayName: 'Associated Category ID',
				kind: 'id',
				description: 'The same category in another language',
			},
		},
		notes: [
			'The spec marks nothing required; the Category model validates the name, slug and locale.',
		],
		lookup: {
			path: '/portals/{portalId}/categories',
			at: 'payload',
			key: 'slug',
			query: { locale: 'locale' },
			why: "Chatwoot keeps a category's slug unique per portal and locale. The category list is in Chatwoot's routes, not in the spec.",
		},
	},
	{
		spec: 'add-new-article-to-account',
		resource: 'article',
		operation: 'create',
		name: 'Create',
		action: 'Create an article',
		description: 'Write an article in a help center portal',
		ids: { id: portal },
		fields: {
			title: { required: true, description: 'The title of the article' },
			content: { kind: 'text', required: true, description: 'The text of the article (Markdown)' },
			slug: {
				description:
					'The part of the address that names the article; Chatwoot derives one from the title when empty',
			},
			position: {
				kind: 'integer',
				description: 'Where the article sits in its category (lower first)',
			},
			description: { description: 'A short summary of the article' },
			category_id: {
				displayName: 'Category ID',
				kind: 'id',
				description: 'The category the article belongs to',
			},
			author_id: {
				displayName: 'Author ID',
				kind: 'id',
				description: "The agent shown as the author (the token's user when empty)",
			},
			associated_article_id: {
				displayName: 'Associated Article ID',
				kind: 'id',
				description: 'The same article in another language',
			},
			status: {
				kind: 'numberOptions',
				options: [
					['Archived', 2],
					['Draft', 0],
					['Published', 1],
				],
				default: 0,
				description: 'Whether the article is a draft, published or archived',
			},
			locale: { description: 'The language of the article, e.g. en' },
			meta: {
				kind: 'json',
				description:
					'Search details as JSON, e.g. {"tags": ["billing"], "title": "…", "description": "…"}',
			},
		},
		notes: ['The spec marks nothing required; the Article model validates the title and content.'],
		unverifiable:
			"An article's slug may be made up by Chatwoot from the title, and titles may repeat: nothing finds a new article for sure.",
	},
];
