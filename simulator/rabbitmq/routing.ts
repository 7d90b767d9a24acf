// Exchange routing (AMQP 0-9-1 as RabbitMQ implements it): which queues a published message lands in.
import type { Binding, Exchange, RabbitState } from './types';

/**
 * Topic-exchange match: binding keys are dot-separated words where `*` stands for exactly one word and `#`
 * for zero or more ("Topic Exchange", RabbitMQ tutorial 5 / rabbit_exchange_type_topic).
 */
export function topicMatches(bindingKey: string, routingKey: string): boolean {
  const pattern = bindingKey.split('.');
  const words = routingKey === '' ? [] : routingKey.split('.');
  // Memoised walk over (pattern index, word index): `#` may swallow any number of words.
  const seen = new Map<string, boolean>();
  const walk = (p: number, w: number): boolean => {
    const key = `${p}:${w}`;
    const cached = seen.get(key);
    if (cached !== undefined) return cached;
    let result: boolean;
    if (p === pattern.length) result = w === words.length;
    else if (pattern[p] === '#') result = walk(p + 1, w) || (w < words.length && walk(p, w + 1));
    else if (w === words.length) result = false;
    else result = (pattern[p] === '*' || pattern[p] === words[w]) && walk(p + 1, w + 1);
    seen.set(key, result);
    return result;
  };
  return walk(0, 0);
}

/** Headers exchange: `x-match` = all (default) needs every binding header equal; any needs one. */
export function headersMatch(binding: Binding, headers: Record<string, string>): boolean {
  const entries = Object.entries(binding.arguments).filter(([k]) => !k.startsWith('x-'));
  const any = binding.arguments['x-match'] === 'any';
  if (entries.length === 0) return !any;
  const hit = ([k, v]: [string, string]) => Object.hasOwn(headers, k) && headers[k] === v;
  return any ? entries.some(hit) : entries.every(hit);
}

function bindingMatches(
  exchange: Exchange,
  b: Binding,
  routingKey: string,
  headers: Record<string, string>,
): boolean {
  switch (exchange.type) {
    case 'direct':
      return b.routingKey === routingKey;
    case 'fanout':
      return true;
    case 'topic':
      return topicMatches(b.routingKey, routingKey);
    case 'headers':
      return headersMatch(b, headers);
  }
}

/**
 * The queues a message published to `exchange` with `routingKey` is copied to, each at most once, in the
 * order their bindings were made. The default exchange ("") routes to the queue named by the routing key.
 */
export function route(
  state: RabbitState,
  exchangeName: string,
  routingKey: string,
  headers: Record<string, string>,
): string[] {
  if (exchangeName === '') return Object.hasOwn(state.queues, routingKey) ? [routingKey] : [];
  const exchange = state.exchanges[exchangeName];
  if (!exchange) return [];
  const out: string[] = [];
  for (const b of state.bindings) {
    if (b.exchange !== exchangeName || out.includes(b.queue)) continue;
    if (bindingMatches(exchange, b, routingKey, headers)) out.push(b.queue);
  }
  return out;
}
