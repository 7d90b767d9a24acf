// RabbitMQ for the side-by-side with Kafka: the broker's rules as pure functions over plain data.

export { rabbitmqArea } from './area';
export type * from './areaTypes';
export * from './broker';
export { headersMatch, route, topicMatches } from './routing';
export type * from './types';
