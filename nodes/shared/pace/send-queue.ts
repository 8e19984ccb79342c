/** A request refused because the run is stopping (an item before it failed); it was never sent. */
export class RunStopped extends Error {
	constructor() {
		super('Not sent: the run stopped at an earlier item that failed');
		this.name = 'RunStopped';
	}
}

interface Waiter {
	order: number;
	fresh: boolean;
	/** Called with the number on the wire, itself included. */
	go: (inFlight: number) => void;
	refuse: (error: RunStopped) => void;
}

/**
 * Requests that are ready to go out and wait for room on the wire. The lowest order (item index)
 * goes first, so an item half-way through its requests is not overtaken by later items. When
 * the run stops at a failed item, later items that have sent nothing are refused, as if the items
 * had gone one by one; items before it, and items already talking to the service, finish.
 */
export class SendQueue {
	private readonly waiting: Waiter[] = [];
	/** The run stops at this item: fresh requests of later items are refused. */
	private stopAt = Number.POSITIVE_INFINITY;

	get length(): number {
		return this.waiting.length;
	}

	/** Throws RunStopped for a fresh request of an item after the one the run stopped at. */
	check(order: number, fresh: boolean): void {
		if (fresh && order > this.stopAt) throw new RunStopped();
	}

	/** Waits until `letOneThrough` lets this request go (or the run stops). */
	async wait(order: number, fresh: boolean): Promise<number> {
		this.check(order, fresh);
		return await new Promise<number>((go, refuse) => {
			let at = this.waiting.length;
			while (at > 0 && this.waiting[at - 1].order > order) at--;
			this.waiting.splice(at, 0, { order, fresh, go, refuse });
		});
	}

	/** Lets the first waiting request go, telling it how many are on the wire with it. */
	letOneThrough(inFlight: number): void {
		this.waiting.shift()?.go(inFlight);
	}

	stop(at: number): void {
		this.stopAt = Math.min(this.stopAt, at);
		for (let i = this.waiting.length - 1; i >= 0; i--) {
			const waiter = this.waiting[i];
			if (!waiter.fresh || waiter.order <= this.stopAt) continue;
			this.waiting.splice(i, 1);
			waiter.refuse(new RunStopped());
		}
	}
}
