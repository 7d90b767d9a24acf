// Output of `kafka-share-groups.sh --describe` as printed by org.apache.kafka.tools.consumer.group.ShareGroupCommand
// (Kafka 4.0 source snapshot): the --members and --state views, and the messages for empty and dead groups.

/** org.apache.kafka.common.ShareGroupState, printed by its display name. */
export type ShareGroupStateName = 'Stable' | 'Empty' | 'Dead' | 'Unknown';

export interface ShareMemberDescription {
  consumerId: string;
  host: string;
  clientId: string;
  assignment: { topic: string; partition: number }[];
}

export interface ShareGroupDescription {
  groupId: string;
  state: ShareGroupStateName;
  coordinator: { host: string; port: number; id: number };
  members: ShareMemberDescription[];
}

export interface ToolOutput {
  stdout: string;
  stderr: string;
}

/** Java's `%-Ns`: left-justified, padded to at least N characters. */
const pad = (s: string, width: number) => s.padEnd(width, ' ');

/** ShareGroupService#maybePrintEmptyGroupState: Dead → "Error: …" on stdout, Empty → a note on stderr. */
function emptyGroupState(
  d: ShareGroupDescription,
  numRows: number,
): { out: ToolOutput; printDetail: boolean } {
  const out: ToolOutput = { stdout: '', stderr: '' };
  if (d.state === 'Dead') out.stdout += `\nError: Share group '${d.groupId}' does not exist.\n`;
  else if (d.state === 'Empty') out.stderr += `\nShare group '${d.groupId}' has no active members.\n`;
  return { out, printDetail: d.state !== 'Dead' && numRows > 0 };
}

/** `--describe --group G --members`: GROUP, CONSUMER-ID, HOST, CLIENT-ID (each at least 15 wide), ASSIGNMENT. */
export function formatShareGroupMembers(d: ShareGroupDescription): ToolOutput {
  const { out, printDetail } = emptyGroupState(d, d.members.length);
  if (!printDetail) return out;
  const groupLen = Math.max(15, d.groupId.length);
  let idLen = 15;
  let hostLen = 15;
  let clientLen = 15;
  for (const m of d.members) {
    idLen = Math.max(idLen, m.consumerId.length);
    hostLen = Math.max(hostLen, m.host.length);
    clientLen = Math.max(clientLen, m.clientId.length);
  }
  const row = (g: string, id: string, host: string, client: string, assignment: string) =>
    `${pad(g, groupLen)} ${pad(id, idLen)} ${pad(host, hostLen)} ${pad(client, clientLen)} ${assignment}\n`;
  out.stdout += row('GROUP', 'CONSUMER-ID', 'HOST', 'CLIENT-ID', 'ASSIGNMENT');
  for (const m of d.members) {
    const assignment = m.assignment.map((tp) => `${tp.topic}:${tp.partition}`).join(',');
    out.stdout += row(d.groupId, m.consumerId, m.host, m.clientId, assignment);
  }
  return out;
}

/** `--describe --group G --state`: GROUP, COORDINATOR (ID) ("host:port  (id)", at least 25 wide), STATE, #MEMBERS. */
export function formatShareGroupState(d: ShareGroupDescription): ToolOutput {
  const { out } = emptyGroupState(d, 1);
  const groupLen = Math.max(15, d.groupId.length);
  const coordinator = `${d.coordinator.host}:${d.coordinator.port}  (${d.coordinator.id})`;
  const coordLen = Math.max(25, coordinator.length);
  const row = (g: string, c: string, st: string, n: string) =>
    `${pad(g, groupLen)} ${pad(c, coordLen)} ${pad(st, 15)} ${n}\n`;
  out.stdout += row('GROUP', 'COORDINATOR (ID)', 'STATE', '#MEMBERS');
  out.stdout += row(d.groupId, coordinator, d.state, String(d.members.length));
  return out;
}
