import { CONNECTORS } from '../../connectors';
import type { ConnectorSettingsInput } from './connector-settings.types';
import { inputMemberOf } from './connector-settings.types';

const CONNECTOR_BY_MEMBER = new Map(CONNECTORS.map((connector) => [inputMemberOf(connector.key), connector.key]));

/**
 * Typed settings as the name → value map the validator takes: the connector the member names,
 * and the fields that were given (input class instances become plain values).
 */
export function fromTypedSettings(settings: ConnectorSettingsInput): {
  connectorKey: string;
  values: Record<string, unknown>;
} {
  const [member, given] = Object.entries(settings).find(([, value]) => value !== undefined && value !== null) ?? [];
  const connectorKey = member ? CONNECTOR_BY_MEMBER.get(member) : undefined;
  if (!connectorKey || !given)
    throw new Error('ConnectorSettingsInput arrived without a member; @oneOf should prevent this');
  const values = JSON.parse(JSON.stringify(given)) as Record<string, unknown>;
  return { connectorKey, values };
}
