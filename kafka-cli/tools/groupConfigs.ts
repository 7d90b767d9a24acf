// kafka-configs.sh --entity-type groups --alter --add-config share.auto.offset.reset=earliest|latest: the one
// group config the simulation models (share groups, KIP-932; GroupConfig). ConfigCommand prints
// "Completed updating config for group G." when the IncrementalAlterConfigs succeeds.
import type { Output } from '../output';
import type { ToolContext } from '../tool';

export function alterGroupConfig(name: string, adds: string[], ctx: ToolContext, out: Output): Output {
  const pairs = adds.flatMap((a) => a.split(',')).filter((a) => a.trim() !== '');
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    const key = (eq < 0 ? pair : pair.slice(0, eq)).trim();
    if (key !== 'share.auto.offset.reset')
      return out.fail(`The simulation models one group config, share.auto.offset.reset (not ${key}).`);
    const value = pair.slice(eq + 1).trim();
    const r = ctx.port.shareGroups({
      type: 'shareGroupSetAutoOffsetReset',
      groupId: name,
      autoOffsetReset: value as 'earliest' | 'latest',
    });
    if (!r.ok)
      return out.fail(
        `Error while executing config command with args '--entity-type groups --entity-name ${name} --alter'\norg.apache.kafka.common.errors.InvalidConfigurationException: ${r.error.message}`,
      );
  }
  return out.line(`Completed updating config for group ${name}.`);
}
