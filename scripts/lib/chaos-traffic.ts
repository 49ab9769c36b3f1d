// Steady traffic for a chaos run over HTTP, as buyers behind a load balancer make it: virtual clients in a loop
// register (POST /api/v1/orders), read what is on sale (GET /api/v1/ticket-types) and open pages, each request
// sent to one of the live instances; a refused or reset connection goes to the other one (as a balancer fails
// over). Every answer is recorded with its latency, so a run can judge any stretch of time afterwards.
export interface Answer {
  op: 'order' | 'ticket-types' | 'page';
  /** The base URL of the instance that answered (or failed to). */
  instance: string;
  started: number;
  ms: number;
  /** 0: no HTTP answer (connection refused or reset, or no answer within the client's timeout). */
  status: number;
  retryAfter: string | null;
  /** The order reference of a 201. */
  reference?: string;
}

export interface TrafficOptions {
  /** Base URLs of the instances in rotation now. */
  instances: () => string[];
  ticketTypeId: string;
  clients: number;
  /** Pause between one client's requests. */
  thinkMs: [number, number];
  timeoutMs: number;
}

export interface Traffic {
  answers: Answer[];
  connectionFailures: number;
  stop(): Promise<void>;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const PAGES = ['/', '/programme', '/register'];

async function once(
  base: string,
  op: Answer['op'],
  n: number,
  ticketTypeId: string,
  timeoutMs: number,
): Promise<Omit<Answer, 'instance'>> {
  const started = Date.now();
  const t0 = performance.now();
  let url = `${base}/api/v1/ticket-types`;
  let init: RequestInit = {};
  if (op === 'order') {
    const email = `chaos${n}@outage.example`;
    url = `${base}/api/v1/orders`;
    init = {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        buyer: { name: `Buyer ${n}`, email },
        attendees: [{ ticketTypeId, legalName: `Buyer ${n}`, email }],
      }),
    };
  } else if (op === 'page') {
    url = `${base}${PAGES[n % PAGES.length]}`;
  }
  try {
    const r = await fetch(url, { ...init, redirect: 'manual', signal: AbortSignal.timeout(timeoutMs) });
    const text = await r.text();
    let reference: string | undefined;
    if (op === 'order' && r.status === 201) reference = (JSON.parse(text) as { reference?: string }).reference;
    return {
      op,
      started,
      ms: performance.now() - t0,
      status: r.status,
      retryAfter: r.headers.get('retry-after'),
      reference,
    };
  } catch {
    return { op, started, ms: performance.now() - t0, status: 0, retryAfter: null };
  }
}

export function startTraffic(options: TrafficOptions): Traffic {
  const answers: Answer[] = [];
  let running = true;
  let counter = 0;
  const traffic: Traffic = {
    answers,
    connectionFailures: 0,
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
  const loops = Array.from({ length: options.clients }, async () => {
    while (running) {
      const n = counter++;
      const op: Answer['op'] = n % 4 < 2 ? 'order' : n % 4 === 2 ? 'ticket-types' : 'page';
      const bases = options.instances();
      if (bases.length === 0) {
        await sleep(50);
        continue;
      }
      const first = Math.floor(Math.random() * bases.length);
      for (let attempt = 0; attempt < Math.min(2, bases.length); attempt++) {
        const instance = bases[(first + attempt) % bases.length]!;
        const answer = { ...(await once(instance, op, n, options.ticketTypeId, options.timeoutMs)), instance };
        // A connection refused or reset before any answer: the balancer tries the other instance.
        if (answer.status === 0 && answer.ms < options.timeoutMs && attempt === 0 && bases.length > 1) {
          traffic.connectionFailures++;
          continue;
        }
        answers.push(answer);
        break;
      }
      await sleep(options.thinkMs[0] + Math.random() * (options.thinkMs[1] - options.thinkMs[0]));
    }
  });
  return traffic;
}

/** 5xx answers that are not a 503 with Retry-After (the one answer an outage may give). */
export function isServerError(a: Answer): boolean {
  return a.status >= 500 && !(a.status === 503 && a.retryAfter !== null);
}
