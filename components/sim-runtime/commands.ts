// The one typed builder of the console lines the views' buttons run. Every control goes through the same
// console grammar as the terminal, so the command log is one list of lines and replaying it rebuilds exactly
// what was clicked (commands.test.ts: builder → text → tokens → the command the console dispatches).

/** Quote a word for the console tokenizer (POSIX single quotes; a quote inside becomes '\''). */
export function shellWord(word: string): string {
  if (/^[A-Za-z0-9_.,:=@%+/-]+$/.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

export const brokerCommand = (action: 'stop' | 'start' | 'isolate' | 'heal', id: number) =>
  `broker ${action} ${id}`;

export type SendForm = {
  producer: string;
  topic: string;
  key: string;
  value: string;
  /** null = let the partitioner choose. */
  partition: number | null;
  headers: Array<[string, string]>;
  tombstone: boolean;
};

export function sendCommand(form: SendForm): string {
  const parts = ['producer', 'send', shellWord(form.producer), shellWord(form.topic)];
  if (form.key !== '') parts.push('--key', shellWord(form.key));
  if (form.partition !== null) parts.push('--partition', String(form.partition));
  for (const [k, v] of form.headers) parts.push('--header', shellWord(`${k}=${v}`));
  parts.push(form.tombstone ? '--null' : shellWord(form.value));
  return parts.join(' ');
}

export type ProducerForm = { name: string; acks: '0' | '1' | 'all'; idempotence: boolean; lingerMs: number };

export function createProducerCommand(form: ProducerForm): string {
  return `producer create ${shellWord(form.name)} --acks ${form.acks} --idempotence ${form.idempotence} --linger-ms ${Math.max(0, Math.floor(form.lingerMs))}`;
}

export function addConsumerCommand(name: string, group: string, topics: string[], assignor?: string): string {
  const parts = [
    'consumer',
    'create',
    shellWord(name),
    '--group',
    shellWord(group),
    '--topics',
    topics.map(shellWord).join(','),
  ];
  if (assignor) parts.push('--assignor', assignor);
  return parts.join(' ');
}

/** Parse "k=v, k2=v2" into header pairs; blank entries are skipped. */
export function parseHeaders(text: string): Array<[string, string]> {
  return text
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part.length > 0)
    .map((part) => {
      const eq = part.indexOf('=');
      return eq < 0 ? [part, ''] : [part.slice(0, eq).trim(), part.slice(eq + 1).trim()];
    });
}

export const consumerCommand = (action: 'poll' | 'commit' | 'close' | 'crash', name: string) =>
  `consumer ${action} ${shellWord(name)}`;

export const flushCommand = (producer: string) => `producer flush ${shellWord(producer)}`;

/** A clock step as the console writes durations (consecutive `Nms` steps merge in the command log). */
export type Duration = `${number}${'ms' | 's' | 'm' | 'h' | 'd'}`;
export const clockCommand = (amount: Duration) => `clock advance ${amount}`;

export const monitoringCommand = (action: 'start' | 'stop') => `monitoring ${action}`;

/** A Kafka Streams instance action (the console's `streams` command). */
export const streamsCommand = (action: 'start' | 'stop' | 'crash', app: string, instance?: string) =>
  `streams ${action} ${shellWord(app)}${instance ? ` --instance ${shellWord(instance)}` : ''}`;

/** Strimzi's manual rolling update of a node pool's StrimziPodSet in the simulated cluster my-cluster. */
export const rollCommand = (pool: 'broker' | 'controller') =>
  `kubectl annotate strimzipodset my-cluster-${pool} strimzi.io/manual-rolling-update=true`;

/** The disaster-recovery drill: a whole region (MirrorMaker 2 cluster alias) is lost. */
export const regionDownCommand = (alias: string) => `region down ${shellWord(alias)}`;

/** Failback starts here: the lost region is back. */
export const regionUpCommand = (alias: string) => `region up ${shellWord(alias)}`;
