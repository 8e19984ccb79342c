/**
 * How many items a run keeps in flight. A fixed number when the user pins one; otherwise Auto,
 * which finds the fastest safe number by itself from what the answers say (the idea of TCP BBR,
 * in requests instead of packets):
 *
 * - Estimate: the best delivery rate of the last rounds (a round = one round trip; answers per ms,
 *   averaged over 4 rounds because answers come in waves) times the shortest round trip is what the
 *   service takes at once without a line forming. Auto keeps 1.5 times that, plus one: enough to
 *   keep the service busy while n8n handles answers, and a short line at most.
 * - Start-up: one at a time, two more per answer (tripling each round trip, a faster TCP slow start)
 *   until growing no longer raises the rate. A run of a few items goes much as before.
 * - Going up to the estimate is immediate. Going down goes in trial steps: round trips also grow
 *   when the machine running n8n is busy, and then fewer in flight only means less throughput; a
 *   step that costs throughput is undone and that number held for a while. Now and then a step up
 *   is tried too, and kept when it brings more.
 * - Overload (502, 503, 504, no answer): a refused request shows how many fit: those in flight
 *   when it went out, minus itself. The limit and a learned ceiling drop to that at once (never
 *   below half of what they were in one burst); above the ceiling Auto probes one more now and then,
 *   less often each time a probe is refused.
 * - Throttling (429): the pace is the rate pacer's (it learns the allowed rate); Auto keeps what
 *   that rate needs at the round trips seen. Items waiting out a Retry-After do not count against
 *   the limit while they wait.
 * - What Auto limits is requests on the wire, not items: a few more items than that are prepared
 *   (parameters, checks, the request) and wait in line, so an answer only has to let the next
 *   request go. Without a line at the service, a slot would otherwise idle while n8n reads the
 *   next item. After start-up, sends are paced over the round trip (see PACING_GAIN).
 *
 * Lives for one execution only; nothing is kept between executions (queue-mode safe).
 */
import { sleep } from 'n8n-workflow';

import { SendQueue } from './send-queue';

export type PaceSignal = 'ok' | 'throttled' | 'overloaded';

/** What Auto noted when a request went out; handed back with its answer. */
export interface SendTicket {
	seq: number;
	at: number;
	/** Requests in flight when it went out, itself included. */
	inFlight: number;
}

export interface ConcurrencyLimit {
	/** How many units (items, import chunks) may be in progress now (≥ 1). */
	readonly limit: number;
	/** The pool's way to hear that the limit rose while nothing finished. */
	onRaise?: () => void;
	/**
	 * Room for one request on the wire (waits while there is none). `order`: the unit's index,
	 * lower goes first. `fresh`: the unit has sent nothing yet (refused once the run stopped).
	 */
	sending(order: number, fresh: boolean): SendTicket | Promise<SendTicket>;
	/**
	 * The answer to that request (or its absence). `success`: a 2xx. Anything else may end the
	 * run, so the requests waiting for room go only once that is known (the next turn).
	 */
	onAnswer(signal: PaceSignal, ticket: SendTicket, success?: boolean): void;
	/** An item begins / ends waiting out a 429's delay: it sends nothing meanwhile. */
	restStarted(): void;
	restEnded(): void;
	/** The run stops at the unit of this order: later units that have sent nothing send nothing. */
	stop(at: number): void;
}

/** A pinned number: that many units at a time, each with at most one request on the wire. */
export class FixedLimit implements ConcurrencyLimit {
	readonly limit: number;
	onRaise?: () => void;
	private seq = 0;
	private readonly queue = new SendQueue();

	constructor(limit: number) {
		this.limit = Math.max(1, Math.floor(limit));
	}

	sending(order: number, fresh: boolean): SendTicket {
		this.queue.check(order, fresh);
		return { seq: ++this.seq, at: 0, inFlight: 0 };
	}
	onAnswer(): void {}
	restStarted(): void {}
	restEnded(): void {}
	stop(at: number): void {
		this.queue.stop(at);
	}
}

export interface AutoLimitOptions {
	/** Never above this (protects small servers); the user can lower it. */
	ceiling: number;
	/** Spacing between requests the rate pacer enforces now (ms; 0 = none). */
	spacingMs?: () => number;
	/** The clock, in ms (tests run on a simulated one). */
	now?: () => number;
	/** Spread sends over the round trip (default); off for tests that send whole rounds at once. */
	pacing?: boolean;
}

/** Units prepared beyond the requests on the wire: ready to go the moment an answer makes room. */
export const preparedAhead = (onWire: number): number => Math.ceil(onWire / 4) + 1;

/**
 * Pacing after start-up, as Linux paces TCP: the number in flight is spread over the shortest
 * round trip, at this gain. Answers then come back spread out and n8n handles each while the
 * others are in flight; sent in bursts, they come back in bursts, and the last answer of each
 * burst waits until n8n has handled the others before its slot is used again.
 */
const PACING_GAIN = 1.5;
/** Spacing below this (ms) is not enforced: timers are not that fine, and the CPU is the limit there. */
const MIN_PACING_MS = 1;

/** Headroom over what the service takes at once: keeps it busy while answers are handled. */
const GAIN = 1.5;
/** The rate is averaged over this many rounds: answers come in waves, one round can catch two. */
const AVERAGE_ROUNDS = 4;
/** Rounds the best (averaged) rate is remembered for, and at most this long (ms) or 10 shortest round trips. */
const RATE_ROUNDS = 10;
const RATE_MEMORY_MS = 1000;
/** Start-up adds this many per answer: the number triples each round trip (a run of 2,000 reaches speed a round sooner). */
const STARTUP_STEP = 2;
/** Start-up ends after this many rounds without the rate growing by a quarter. */
const FLAT_ROUNDS = 3;
/** A trial step (down to 0.7×, up to 1.5×) is judged over this many rounds... */
const TRIAL_ROUNDS = 3;
const STEP_DOWN = 0.7;
const STEP_UP = 1.5;
/** ...a step down is undone when it costs more than a tenth of the rate; a step up kept when it brings a tenth more... */
const TRIAL_MARGIN = 0.1;
/** ...and the number that proved needed is then kept for this many rounds. */
const HOLD_ROUNDS = 20;
/** Rounds between steps up (doubling after each that brought nothing, or was refused). */
const PROBE_EVERY = 8;
const PROBE_EVERY_MAX = 64;

interface Trial {
	direction: 'down' | 'up';
	from: number;
	to: number;
	/** The rate to compare with: before the step (for a descent, before its first step: small losses do not add up). */
	reference: number;
	delivered: number;
	ms: number;
	rounds: number;
}

export class AutoLimit implements ConcurrencyLimit {
	onRaise?: () => void;
	private readonly ceiling: number;
	private readonly now: () => number;
	private current = 1;
	private startup = true;
	private bestStartupRate = 0;
	private flatRounds = 0;
	/** Most that fit, learned from overload refusals. */
	private learned: number;
	/** The overload burst under way: the ceiling before it. */
	private burst: { learned: number } | undefined;
	private probeEvery = PROBE_EVERY;
	private roundsSinceProbe = 0;
	/** Raised above the learned ceiling and not refused yet. */
	private probingCeiling = false;
	private seq = 0;
	private delivered = 0;
	/** Requests on the wire (let through and not yet answered). */
	private requests = 0;
	private readonly queue = new SendQueue();
	private resting = 0;
	private minRtt = Number.POSITIVE_INFINITY;
	/** Smoothed round trip and its variation (as TCP keeps them, RFC 6298). */
	private srtt = 0;
	private rttVar = 0;
	private round: { firstSeq: number; at: number; delivered: number; overloaded: boolean };
	/** The last rounds: answers delivered and ms taken. */
	private rounds: Array<{ delivered: number; ms: number }> = [];
	private rates: Array<{ rate: number; at: number }> = [];
	/** Pacing: the spacing between sends (ms; 0 = none), the earliest next send, a timer pending. */
	private gapMs = 0;
	private nextSendAt = 0;
	private timerSet = false;
	private roundNo = 0;
	private trial: Trial | undefined;
	/** The rate when the current descent (steps down in a row) began. */
	private descentFrom: number | undefined;
	/** A number that proved needed: not gone below until round `until`, unless the rate falls well below `rate` (the service changed). */
	private hold: { limit: number; until: number; rate: number } | undefined;

	constructor(private readonly options: AutoLimitOptions) {
		this.ceiling = Math.max(1, Math.floor(options.ceiling));
		this.learned = this.ceiling;
		this.now = options.now ?? Date.now;
		this.round = { firstSeq: 1, at: this.now(), delivered: 0, overloaded: false };
	}

	/**
	 * Units in progress: the requests allowed on the wire, a few prepared ahead, and room beside
	 * them for items waiting out a Retry-After (never above the ceiling).
	 */
	get limit(): number {
		const onWire = this.limitNow();
		return Math.min(this.ceiling, onWire + this.resting) + preparedAhead(onWire);
	}

	/** Requests allowed on the wire now. */
	get requestLimit(): number {
		return this.limitNow();
	}

	sending(order: number, fresh: boolean): SendTicket | Promise<SendTicket> {
		this.queue.check(order, fresh);
		const ticket = this.trySending();
		if (ticket) return ticket;
		const waiting = this.queue.wait(order, fresh).then((inFlight) => this.ticket(inFlight));
		this.wakeWhenPaced();
		return waiting;
	}

	/** A ticket when a request may go at once (room on the wire, its time, nobody before it). */
	trySending(): SendTicket | undefined {
		if (this.queue.length > 0 || !this.mayGo()) return undefined;
		this.requests++;
		return this.ticket(this.requests);
	}

	/** When the next request may go by the pacing (ms on this clock). */
	get sendableAt(): number {
		return this.nextSendAt;
	}

	/** Room on the wire and the pacing allows a send now: takes that send's time. */
	private mayGo(): boolean {
		if (this.requests >= this.limitNow()) return false;
		if (this.gapMs === 0) return true;
		const now = this.now();
		if (now < this.nextSendAt) return false;
		// No credit for idle time: after a pause, sends are spaced again from now.
		this.nextSendAt = Math.max(now, this.nextSendAt) + this.gapMs;
		return true;
	}

	stop(at: number): void {
		this.queue.stop(at);
	}

	private ticket(inFlight: number): SendTicket {
		return { seq: ++this.seq, at: this.now(), inFlight };
	}

	/** Lets waiting requests go while the limit has room (counted as they are let through). */
	private letThrough(): void {
		while (this.queue.length > 0 && this.mayGo()) {
			this.requests++;
			this.queue.letOneThrough(this.requests);
		}
		this.wakeWhenPaced();
	}

	/** Requests wait with room on the wire, held only by the pacing: let them go at their time. */
	private wakeWhenPaced(): void {
		if (this.timerSet || this.queue.length === 0 || this.requests >= this.limitNow()) return;
		this.timerSet = true;
		void sleep(Math.max(0, this.nextSendAt - this.now())).then(() => {
			this.timerSet = false;
			this.letThrough();
		});
	}

	restStarted(): void {
		this.resting++;
		this.onRaise?.();
	}

	restEnded(): void {
		this.resting = Math.max(0, this.resting - 1);
	}

	onAnswer(signal: PaceSignal, ticket: SendTicket, success = true): void {
		this.requests = Math.max(0, this.requests - 1);
		const now = this.now();
		const rtt = Math.max(1, now - ticket.at);
		if (this.srtt === 0) {
			this.srtt = rtt;
			this.rttVar = rtt / 2;
		} else {
			this.rttVar = 0.75 * this.rttVar + 0.25 * Math.abs(this.srtt - rtt);
			this.srtt = 0.875 * this.srtt + 0.125 * rtt;
		}
		if (signal === 'ok') {
			this.delivered++;
			this.minRtt = Math.min(this.minRtt, rtt);
			// Start-up: two more per answer, which triples the number each round trip (TCP's slow start, faster).
			if (this.startup) this.current = Math.min(this.learned, this.current + STARTUP_STEP);
		} else {
			this.startup = false;
			if (signal === 'overloaded') this.overloaded(ticket);
		}
		// A round ends with the first answer to a request sent after it began.
		if (ticket.seq >= this.round.firstSeq) this.endRound(now);
		if (success) this.letThrough();
		else void sleep(0).then(() => this.letThrough());
	}

	private overloaded(ticket: SendTicket): void {
		this.round.overloaded = true;
		this.burst ??= { learned: Math.min(this.learned, this.limitNow()) };
		if (this.probingCeiling) this.probeEvery = Math.min(PROBE_EVERY_MAX, this.probeEvery * 2);
		this.probingCeiling = false;
		this.roundsSinceProbe = 0;
		const fits = Math.max(1, Math.ceil(this.burst.learned / 2), ticket.inFlight - 1);
		this.learned = Math.min(this.learned, fits);
		this.current = Math.min(this.current, this.learned);
		this.trial = undefined;
		this.hold = undefined;
		this.descentFrom = undefined;
	}

	private endRound(now: number): void {
		const elapsed = Math.max(1, now - this.round.at);
		const delivered = this.delivered - this.round.delivered;
		const calm = !this.round.overloaded;
		this.round = { firstSeq: this.seq + 1, at: now, delivered: this.delivered, overloaded: false };
		if (calm) this.burst = undefined;
		this.roundNo++;
		this.rounds.push({ delivered, ms: elapsed });
		if (this.rounds.length > AVERAGE_ROUNDS) this.rounds.shift();
		const recent = this.rounds.reduce(
			(sum, r) => ({ delivered: sum.delivered + r.delivered, ms: sum.ms + r.ms }),
			{ delivered: 0, ms: 0 },
		);
		const recentRate = recent.delivered / recent.ms;
		this.rates.push({ rate: recentRate, at: now });
		const memory = Math.max(RATE_MEMORY_MS, RATE_ROUNDS * this.minRtt);
		while (
			this.rates.length > RATE_ROUNDS ||
			(this.rates.length > 1 && now - this.rates[0].at > memory)
		)
			this.rates.shift();
		const before = this.limitNow();

		if (this.startup) {
			// Start-up ends when growing no longer raises the rate.
			if (recentRate >= this.bestStartupRate * 1.25) {
				this.bestStartupRate = recentRate;
				this.flatRounds = 0;
			} else if (++this.flatRounds >= FLAT_ROUNDS) {
				this.startup = false;
			}
		}
		if (!this.startup && Number.isFinite(this.minRtt))
			this.steady(recentRate, { delivered, ms: elapsed }, calm);
		if (this.limitNow() > before) this.onRaise?.();
		const gap = this.minRtt / (PACING_GAIN * this.limitNow());
		const pacing = this.options.pacing !== false && !this.startup;
		this.gapMs = pacing && Number.isFinite(gap) && gap >= MIN_PACING_MS ? gap : 0;
	}

	/**
	 * After start-up the limit follows the estimate: what the service takes at once (best rate ×
	 * shortest round trip), with headroom. Going up to it is immediate; going down goes in steps
	 * that are tried first, because round trips also grow when the machine running n8n is busy,
	 * and then fewer in flight means less throughput: a step that costs throughput is undone and
	 * that number held for a while. Now and then a step up is tried too, and kept if it brings more.
	 */
	private steady(
		recentRate: number,
		round: { delivered: number; ms: number },
		calm: boolean,
	): void {
		if (this.trial && !this.judge(this.trial, round)) return;
		const bestRate = Math.max(...this.rates.map((r) => r.rate));
		const estimate = Math.max(Math.ceil(GAIN * bestRate * this.minRtt) + 1, this.paceNeeds());
		if (this.hold && (this.roundNo >= this.hold.until || recentRate < 0.75 * this.hold.rate))
			this.hold = undefined;
		const held = this.hold?.limit ?? 1;
		const wanted = Math.min(this.learned, Math.max(estimate, held));
		const now = this.limitNow();
		if (wanted > now) {
			this.current = wanted;
			this.descentFrom = undefined;
		} else if (wanted < now) {
			this.descentFrom ??= recentRate;
			this.startTrial('down', now, Math.max(wanted, Math.floor(now * STEP_DOWN)), this.descentFrom);
		} else if (calm && ++this.roundsSinceProbe >= this.probeEvery) {
			this.roundsSinceProbe = 0;
			if (now < this.learned)
				this.startTrial('up', now, Math.min(this.learned, Math.ceil(now * STEP_UP)), recentRate);
			else if (this.learned < this.ceiling) {
				// Above what was learned to fit: one more, in case the service got room.
				this.learned++;
				this.current = this.learned;
				this.probingCeiling = true;
			}
		} else if (this.probingCeiling && calm) {
			// A whole round at the raised ceiling without a refusal: it fits.
			this.probingCeiling = false;
			this.probeEvery = PROBE_EVERY;
		}
	}

	private startTrial(
		direction: Trial['direction'],
		from: number,
		to: number,
		reference: number,
	): void {
		this.trial = { direction, from, to, reference, delivered: 0, ms: 0, rounds: 0 };
		this.current = to;
	}

	/** Adds a round to the trial; once it is over, keeps or undoes the step. Returns whether the trial is over. */
	private judge(trial: Trial, round: { delivered: number; ms: number }): boolean {
		trial.delivered += round.delivered;
		trial.ms += round.ms;
		if (++trial.rounds < TRIAL_ROUNDS) return false;
		this.trial = undefined;
		const rate = trial.delivered / trial.ms;
		if (trial.direction === 'down') {
			if (rate >= (1 - TRIAL_MARGIN) * trial.reference) return true;
			this.current = Math.min(this.learned, trial.from);
			this.hold = { limit: this.current, until: this.roundNo + HOLD_ROUNDS, rate: trial.reference };
			this.descentFrom = undefined;
			return false;
		}
		if (rate > (1 + TRIAL_MARGIN) * trial.reference) {
			this.hold = { limit: trial.to, until: this.roundNo + HOLD_ROUNDS, rate };
			this.probeEvery = PROBE_EVERY;
		} else {
			this.current = trial.from;
			this.probeEvery = Math.min(PROBE_EVERY_MAX, this.probeEvery * 2);
		}
		return false;
	}

	/**
	 * Under a rate the pacer enforces, the pace is set there: enough in flight to keep it even when
	 * round trips run long (the pacer holds back the extra ones at no cost).
	 */
	private paceNeeds(): number {
		const spacing = this.options.spacingMs?.() ?? 0;
		if (spacing <= 0) return 1;
		return Math.ceil((this.srtt + 4 * this.rttVar) / spacing) + 1;
	}

	private limitNow(): number {
		return Math.min(this.ceiling, Math.max(1, Math.floor(this.current)));
	}
}
