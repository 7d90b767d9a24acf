// The cluster map in words, for screen readers (and the e2e tests read it): brokers, each partition's leader,
// in-sync and out-of-sync replicas with their HW and LEO, the groups with their members' partitions, producers.
import type { ClusterMapModel } from './clusterMapModel';

export function ClusterMapSummary({ model }: { model: ClusterMapModel }) {
  return (
    <div className="sr-only" data-testid="cluster-map-summary">
      <h3>Cluster map in words</h3>
      <p>
        Producers:{' '}
        {model.producers.length === 0
          ? 'none'
          : model.producers.map((p) => `${p.name} (acks=${p.acks}, ${p.buffered} buffered)`).join(', ')}
        .
      </p>
      <ul aria-label="Brokers">
        {model.brokers.map((b) => (
          <li key={b.id} data-broker={b.id} data-state={b.state}>
            Broker {b.id}: {b.state}, {b.replicas.length} replicas, leader of{' '}
            {b.replicas.filter((r) => r.role === 'leader').length}.
          </li>
        ))}
      </ul>
      <ul aria-label="Partitions">
        {model.partitions.map((p) => {
          const outOfSync = p.replicas.filter((id) => !p.isr.includes(id));
          return (
            <li key={p.tp} data-partition={p.tp} data-leader={p.leader ?? 'none'}>
              {p.tp}: {p.leader === null ? 'offline, no leader' : `leader broker ${p.leader}`}, in sync{' '}
              {p.isr.join(', ') || 'none'}
              {outOfSync.length > 0 ? `, out of sync ${outOfSync.join(', ')}` : ''}, high watermark{' '}
              {p.highWatermark}, log end offset {p.logEndOffset}.
            </li>
          );
        })}
      </ul>
      <ul aria-label="Consumer groups">
        {model.groups.map((g) => (
          <li key={g.groupId} data-group={g.groupId}>
            Group {g.groupId} ({g.state}
            {g.coordinator >= 0 ? `, coordinator broker ${g.coordinator}` : ''}):{' '}
            {g.members.length === 0 ? 'no members.' : null}
            <ul>
              {g.members.map((m) => (
                <li key={m.name} data-member={m.name} data-owns={m.owned.map((o) => o.tp).join(' ')}>
                  {m.name} owns{' '}
                  {m.owned.map((o) => `${o.tp} committed ${o.committed ?? 'none'}`).join(', ') ||
                    'no partitions'}
                  .
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
    </div>
  );
}
