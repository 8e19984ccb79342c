/** The benchmark report as it is written: lines of markdown, and one row per goal for the summary. */
export interface GoalRow {
	case: string;
	measure: string;
	result: string;
	goal: string;
	met: boolean;
	/** A target this project set itself beyond the goals. */
	own?: boolean;
}

export class Report {
	readonly lines: string[] = [];
	readonly goals: GoalRow[] = [];

	log(line = ''): void {
		process.stdout.write(`${line}\n`);
		this.lines.push(line);
	}

	table(head: string[], rows: Array<Array<string | number>>): void {
		this.log(`| ${head.join(' | ')} |`);
		this.log(`|${head.map(() => '---').join('|')}|`);
		for (const row of rows) this.log(`| ${row.join(' | ')} |`);
		this.log();
	}

	goal(row: GoalRow): void {
		this.goals.push(row);
		this.log(
			`${row.own ? 'Our own target' : 'Goal'}: ${row.measure} ${row.goal} — **${row.result}** ${row.met ? '(met)' : '(NOT met)'}`,
		);
		this.log();
	}

	/** The goals table, for the top of the report. */
	summary(): string[] {
		if (!this.goals.length) return [];
		return [
			'| case | measure | result | goal | met |',
			'|---|---|---|---|---|',
			...this.goals.map(
				(g) =>
					`| ${g.case} | ${g.measure} | ${g.result} | ${g.goal}${g.own ? ' (ours)' : ''} | ${g.met ? 'yes' : '**no**'} |`,
			),
			'',
			...(this.goals.some((g) => g.own)
				? ["(ours): a stricter target this project set itself, beyond the issue's goals.", '']
				: []),
		];
	}
}
