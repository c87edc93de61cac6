import { FormFieldType, FormSectionKind } from './form.enums';
import type { FormFieldOptions } from './form-field.definition';

/** The TCP port of a server, in General right after its host. */
export function portField(defaultPort: number, more: Partial<FormFieldOptions> = {}): FormFieldOptions {
  return {
    label: 'Port',
    section: FormSectionKind.GENERAL,
    type: FormFieldType.INTEGER,
    order: 20,
    required: true,
    defaultValue: defaultPort,
    validation: { min: 1, max: 65535 },
    ...more,
  };
}

/** The private CA that signed a server's certificate, in Advanced Options. */
export function caCertificateField(
  whoseCertificate: string,
  more: Partial<FormFieldOptions> & Pick<FormFieldOptions, 'order'>,
): FormFieldOptions {
  return {
    label: 'CA certificate',
    section: FormSectionKind.ADVANCED_OPTIONS,
    type: FormFieldType.CERTIFICATE,
    helpText: `The PEM certificate of the authority that signed ${whoseCertificate}, when it is not a public one.`,
    ...more,
  };
}
