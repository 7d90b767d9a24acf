// `ConnectorPluginsResource`: the plugin list, a plugin's config definitions, and config validation as ConfigInfos.
import {
  type Ctx,
  notAllowed,
  notFound,
  type Outcome,
  parseBody,
  RestError,
  toConfigMap,
  unknownConnectorClass,
} from './restCommon';
import { baseConfigDefs, findPlugin, javaMapString, keyInfo, validateConnectorConfig } from './validate';

export function pluginsRoute(ctx: Ctx, rest: string[]): Outcome {
  const { method } = ctx.req;
  if (rest.length === 0) {
    if (method !== 'GET') throw notAllowed();
    return {
      status: 200,
      body: ctx.plugins.map((p) => ({ class: p.className, type: p.type, version: p.version })),
    };
  }
  const [pluginName, configSeg, validate] = rest;
  if (configSeg !== 'config' || rest.length > 3 || (rest.length === 3 && validate !== 'validate'))
    throw notFound();
  if (rest.length === 2) {
    if (method !== 'GET') throw notAllowed();
    const plugin = findPlugin(ctx.plugins, pluginName);
    if (!plugin) throw new RestError(404, `Unknown plugin ${pluginName}.`);
    // AbstractHerder#connectorPluginConfig: the plugin's keys first, then the framework's ones it does not redefine.
    const own = new Set(plugin.configDefs.map((d) => d.name));
    const defs = [...plugin.configDefs, ...baseConfigDefs(plugin.type).filter((d) => !own.has(d.name))];
    return { status: 200, body: defs.map(keyInfo) };
  }
  if (method !== 'PUT') throw notAllowed();
  const config = toConfigMap(parseBody(ctx.req.body)) ?? {};
  const included = config['connector.class'];
  const norm = (n: string) =>
    n.endsWith('Connector') && n.length > 'Connector'.length ? n.slice(0, -'Connector'.length) : n;
  if (included !== undefined && included !== null && !norm(included).endsWith(norm(pluginName))) {
    throw new RestError(400, `Included connector type ${included} does not match request type ${pluginName}`);
  }
  if (included === undefined || included === null) {
    throw new RestError(400, `Connector config ${javaMapString(config)} contains no connector type`);
  }
  const plugin = findPlugin(ctx.plugins, included);
  if (!plugin) throw unknownConnectorClass(ctx.plugins, included);
  return { status: 200, body: validateConnectorConfig(plugin, config) };
}
