// `kafka-jmx.sh` (bin/kafka-jmx.sh → org.apache.kafka.tools.JmxTool): reads MBeans over JMX (port 9999, JMX_PORT)
// from a broker, controller or client JVM. The simulation prints one row, as with --one-time true.
import { jmxUrlHost, parseJmxToolArgs, runJmxTool } from '../../simulator';
import type { CommandOutput } from '../output';
import type { ToolContext, ToolDef } from '../tool';

function runKafkaJmx(args: string[], ctx: ToolContext): CommandOutput {
  const parsed = parseJmxToolArgs(args);
  if (!parsed.ok) return trim(parsed.out);
  const hp = jmxUrlHost(parsed.request.jmxUrl);
  const beans = hp ? ctx.read.monitoring().jmx(hp.host, hp.port) : null;
  return trim(runJmxTool(parsed.request, beans, ctx.read.now()));
}

const trim = (o: { stdout: string; stderr: string; exitCode: number }): CommandOutput => ({
  stdout: o.stdout.replace(/\n$/, ''),
  stderr: o.stderr.replace(/\n$/, ''),
  exitCode: o.exitCode,
});

export const kafkaJmxTool: ToolDef = {
  name: 'kafka-jmx.sh',
  aliases: ['kafka-jmx'],
  summary: 'Dump JMX values (MBeans) of a broker, controller or client (JmxTool); needs monitoring start.',
  usage:
    "kafka-jmx.sh --jmx-url service:jmx:rmi:///jndi/rmi://localhost:9999/jmxrmi --object-name 'kafka.server:type=ReplicaManager,name=UnderReplicatedPartitions' --one-time true",
  flags: [
    '--object-name',
    '--attributes',
    '--jmx-url',
    '--one-time',
    '--report-format',
    '--wait',
    '--date-format',
    '--reporting-interval',
  ],
  run: runKafkaJmx,
};
