// The Schema Registry area: `state.areas.schemaRegistry` holds the registry's store; its commands are the REST API,
// the console producer's serializer and a restart that rebuilds the store from `_schemas`.
import { defineArea } from '../../engine/registry';
import { emptyRegistryState } from '../schemasTopic';
import { schemaRegistryCommands } from './commands';
import './types';

export type { SchemaRegistryAreaState, SchemaRegistrySerialized } from './types';

export const schemaRegistryArea = defineArea({
  name: 'schemaRegistry',
  init: (state) => {
    state.areas.schemaRegistry = { started: false, stopped: false, store: emptyRegistryState() };
  },
  commands: schemaRegistryCommands,
});
