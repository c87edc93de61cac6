import { FormFieldType } from '../forms/form.enums';
import type { FormFieldDefinition } from '../forms/form-field.definition';
import type { Store } from '../store/store.port';
import { localRelayId } from './relay-id';

/** Why a chosen relay cannot be used; the same codes for saving a config and for testing one. */
type RelayProblemCode = 'UNKNOWN_RELAY' | 'RELAY_REVOKED';

export type RelayChoice =
  | { kind: 'DIRECT' }
  | { kind: 'RELAY'; relayId: string; field?: string }
  | { kind: 'PROBLEM'; code: RelayProblemCode; field: string; message: string; relayId: string };

/** The form's relay picker, if it has one. */
function relayFieldOf(fields: readonly FormFieldDefinition[]): FormFieldDefinition | undefined {
  return fields.find((field) => field.type === FormFieldType.RELAY);
}

/**
 * The relay a config's tests and runs go through: the one named outright, else the one in the
 * form's relay field, else none. It must be the caller's tenant's, and not revoked: a revoked
 * relay can never carry a test or a run again.
 */
export async function chooseRelay(
  relays: Pick<Store['relays'], 'getMany'>,
  tenantId: string,
  form: { fields: readonly FormFieldDefinition[]; values: Readonly<Record<string, unknown>> },
  named?: string | null,
): Promise<RelayChoice> {
  const relayField = relayFieldOf(form.fields);
  const picked = relayField ? form.values[relayField.name] : undefined;
  const chosen = named || (typeof picked === 'string' ? picked : undefined);
  if (!chosen) return { kind: 'DIRECT' };
  const field = relayField?.name ?? 'relay';
  const relayId = localRelayId(chosen);
  const [relay] = await relays.getMany(tenantId, [relayId]);
  if (!relay)
    return { kind: 'PROBLEM', code: 'UNKNOWN_RELAY', field, relayId, message: 'No relay of yours has this id.' };
  if (relay.revokedAt) {
    return {
      kind: 'PROBLEM',
      code: 'RELAY_REVOKED',
      field,
      relayId,
      message: `Relay "${relay.name}" was revoked. Pick another relay, or connect directly.`,
    };
  }
  return { kind: 'RELAY', relayId, field: relayField?.name };
}
