/**
 * n8n's editor shows an error's description as (sanitised) HTML, so line breaks in plain text
 * run together there. Lists are written as HTML; error items get the same text back as plain
 * lines, since they go on to emails and chats.
 */

const escape = (text: string) =>
	text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** One line per entry, as a list the editor shows. */
export function htmlList(lines: string[]): string {
	return `<ul>${lines.map((line) => `<li>${escape(line)}</li>`).join('')}</ul>`;
}

/** The same text without HTML: list entries as "- " lines. Text without tags comes back as it is. */
export function plainText(html: string): string {
	if (!/<(ul|li|br)\b/i.test(html)) return html;
	return html
		.replace(/\s*<li>/gi, '\n- ')
		.replace(/\s*<\/ul>\s*/gi, '\n')
		.replace(/<br\s*\/?>/gi, '\n')
		.replace(/<[^>]+>/g, '')
		.replace(/&lt;/g, '<')
		.replace(/&gt;/g, '>')
		.replace(/&amp;/g, '&')
		.trim();
}
