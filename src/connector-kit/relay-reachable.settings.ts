import { ObjectType } from 'type-graphql';
import { FormFieldType, FormSectionKind } from '../forms/form.enums';
import { FormField } from '../forms/form-field.decorator';

/**
 * The base of every connector whose program can sit inside a private network: it adds the
 * Relay Options section. Extend it instead of redeclaring the relay picker.
 */
@ObjectType()
export abstract class RelayReachableSettings {
  @FormField({
    label: 'Relay',
    section: FormSectionKind.RELAY_OPTIONS,
    type: FormFieldType.RELAY,
    order: 10,
    helpText:
      "Pick a relay when the internet cannot reach this program, for example a server inside the client's network. Leave empty to connect directly.",
  })
  relayId?: string;
}
