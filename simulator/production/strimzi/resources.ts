// Strimzi custom resources as a learner writes them in YAML, parsed into plain typed data. Checks run in the
// order kubectl and the API server apply them: YAML syntax, apiVersion/kind known, then the CRD schema.
import { parseAllDocuments } from 'yaml';
import { formatInvalid, unknownFields, validateResource } from './crdSchema';
import { SCHEMAS, type StrimziKind } from './crds';

export const STRIMZI_API_VERSION = 'kafka.strimzi.io/v1';

export type Listener = {
  name: string;
  port: number;
  type: 'internal' | 'route' | 'tlsroute' | 'loadbalancer' | 'nodeport' | 'ingress' | 'cluster-ip';
  tls: boolean;
  authentication?: 'tls' | 'scram-sha-512' | 'custom';
};

export type ConfigValue = string | number | boolean;

export type KafkaResource = {
  kind: 'Kafka';
  name: string;
  annotations: Record<string, string>;
  version: string | null;
  metadataVersion: string | null;
  listeners: Listener[];
  config: Record<string, ConfigValue>;
  rack: { topologyKey: string } | null;
};

export type Role = 'controller' | 'broker';

export type Volume =
  | { type: 'ephemeral'; id: number | null; sizeLimit: string | null }
  | { type: 'persistent-claim'; id: number | null; size: string | null; deleteClaim: boolean };

export type Storage = Volume | { type: 'jbod'; volumes: Volume[] };

export type NodePoolResource = {
  kind: 'KafkaNodePool';
  name: string;
  /** The strimzi.io/cluster label: which Kafka this pool belongs to. */
  cluster: string | null;
  annotations: Record<string, string>;
  replicas: number;
  roles: Role[];
  storage: Storage;
};

export type TopicResource = {
  kind: 'KafkaTopic';
  name: string;
  cluster: string | null;
  /** spec.topicName, or metadata.name when it is not set. */
  topicName: string;
  partitions: number | null;
  replicas: number | null;
  config: Record<string, ConfigValue>;
};

export type AclRule = {
  type: 'allow' | 'deny';
  resource: {
    type: 'topic' | 'group' | 'cluster' | 'transactionalId';
    name: string;
    patternType: 'literal' | 'prefix';
  };
  host: string;
  operations: string[];
};

export type UserResource = {
  kind: 'KafkaUser';
  name: string;
  cluster: string | null;
  authentication: 'tls' | 'tls-external' | 'scram-sha-512' | null;
  acls: AclRule[] | null;
};

export type StrimziResource = KafkaResource | NodePoolResource | TopicResource | UserResource;

export type ParseResult = { ok: true; resources: StrimziResource[] } | { ok: false; error: string };

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const strings = (v: unknown): Record<string, string> =>
  Object.fromEntries(Object.entries(obj(v)).map(([k, x]) => [k, String(x)]));
const config = (v: unknown): Record<string, ConfigValue> =>
  Object.fromEntries(
    Object.entries(obj(v)).map(([k, x]) => [
      k,
      typeof x === 'number' || typeof x === 'boolean' ? x : String(x),
    ]),
  );

function toVolume(v: Obj): Volume {
  return v.type === 'ephemeral'
    ? { type: 'ephemeral', id: (v.id as number) ?? null, sizeLimit: (v.sizeLimit as string) ?? null }
    : {
        type: 'persistent-claim',
        id: (v.id as number) ?? null,
        size: (v.size as string) ?? null,
        deleteClaim: v.deleteClaim === true,
      };
}

function toResource(kind: StrimziKind, doc: Obj): StrimziResource {
  const meta = obj(doc.metadata);
  const name = String(meta.name);
  const spec = obj(doc.spec);
  const cluster = strings(meta.labels)['strimzi.io/cluster'] ?? null;
  switch (kind) {
    case 'Kafka': {
      const k = obj(spec.kafka);
      const rack = obj(k.rack);
      return {
        kind,
        name,
        annotations: strings(meta.annotations),
        version: (k.version as string) ?? null,
        metadataVersion: (k.metadataVersion as string) ?? null,
        listeners: (k.listeners as Obj[]).map((l) => ({
          name: l.name as string,
          port: l.port as number,
          type: l.type as Listener['type'],
          tls: l.tls as boolean,
          ...(l.authentication
            ? { authentication: obj(l.authentication).type as Listener['authentication'] }
            : {}),
        })),
        config: config(k.config),
        rack: k.rack ? { topologyKey: String(rack.topologyKey ?? '') } : null,
      };
    }
    case 'KafkaNodePool': {
      const s = obj(spec.storage);
      return {
        kind,
        name,
        cluster,
        annotations: strings(meta.annotations),
        replicas: spec.replicas as number,
        roles: spec.roles as Role[],
        storage:
          s.type === 'jbod'
            ? { type: 'jbod', volumes: ((s.volumes as Obj[] | undefined) ?? []).map(toVolume) }
            : toVolume(s),
      };
    }
    case 'KafkaTopic':
      return {
        kind,
        name,
        cluster,
        topicName: (spec.topicName as string) ?? name,
        partitions: (spec.partitions as number) ?? null,
        replicas: (spec.replicas as number) ?? null,
        config: config(spec.config),
      };
    case 'KafkaUser': {
      const authz = doc.spec && obj(spec).authorization ? obj(spec.authorization) : null;
      return {
        kind,
        name,
        cluster,
        authentication: (obj(spec.authentication).type as UserResource['authentication']) ?? null,
        acls: authz
          ? (authz.acls as Obj[]).map((a) => {
              const r = obj(a.resource);
              return {
                type: (a.type as AclRule['type']) ?? 'allow',
                resource: {
                  type: r.type as AclRule['resource']['type'],
                  name: (r.name as string) ?? '*',
                  patternType: (r.patternType as AclRule['resource']['patternType']) ?? 'literal',
                },
                host: (a.host as string) ?? '*',
                operations: a.operations as string[],
              };
            })
          : null,
      };
    }
  }
}

const isKind = (k: unknown): k is StrimziKind => typeof k === 'string' && k in SCHEMAS;

/**
 * Parses a file of one or more YAML documents the way `kubectl apply -f FILE` would see them. Error texts:
 * kubectl's client-side checks ("apiVersion not set", "no matches for kind") and the API server's schema
 * validation (errors.NewInvalid). Simplified: only the four Strimzi kinds are known, all in one namespace, and
 * unknown fields are found only where the modelled schema lists every property (spec, spec.kafka).
 */
export function parseStrimziYaml(text: string, file = 'kafka.yaml'): ParseResult {
  const docs = parseAllDocuments(text);
  const resources: StrimziResource[] = [];
  for (const d of Array.isArray(docs) ? docs : [docs]) {
    if (d.errors.length > 0)
      return { ok: false, error: `error: error parsing ${file}: ${d.errors[0]?.message.split('\n')[0]}` };
    const raw = d.toJS() as unknown;
    if (raw === null || raw === undefined) continue;
    const doc = obj(raw);
    for (const field of ['apiVersion', 'kind'] as const)
      if (typeof doc[field] !== 'string' || doc[field] === '')
        return {
          ok: false,
          error: `error: error validating "${file}": error validating data: ${field} not set; if you choose to ignore these errors, turn validation off with --validate=false`,
        };
    const name = String(obj(doc.metadata).name ?? '');
    if (doc.apiVersion !== STRIMZI_API_VERSION || !isKind(doc.kind))
      return {
        ok: false,
        error: `error: resource mapping not found for name: "${name}" namespace: "" from "${file}": no matches for kind "${String(doc.kind)}" in version "${String(doc.apiVersion)}"\nensure CRDs are installed first`,
      };
    if (name === '')
      return {
        ok: false,
        error: `The ${doc.kind} "" is invalid: metadata.name: Required value: name or generateName is required`,
      };
    const unknown = unknownFields(SCHEMAS[doc.kind], doc);
    if (unknown.length > 0)
      return {
        ok: false,
        error: `Error from server (BadRequest): error when creating "${file}": ${doc.kind} in version "v1" cannot be handled as a ${doc.kind}: strict decoding error: ${unknown.map((f) => `unknown field "${f}"`).join(', ')}`,
      };
    const errors = validateResource(SCHEMAS[doc.kind], doc);
    if (errors.length > 0) return { ok: false, error: formatInvalid(doc.kind, name, errors) };
    resources.push(toResource(doc.kind, doc));
  }
  return { ok: true, resources };
}
