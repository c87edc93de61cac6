/**
 * Words that belong to one product (or a few): a hint a connector gives may use them only when
 * it is one of those products. An SMTP refusal must never get PostgreSQL's pg_hba.conf advice,
 * nor a Microsoft hint a CA certificate field the form does not have.
 */
export const PRODUCT_VOCABULARY: ReadonlyArray<[RegExp, readonly string[]]> = [
  [/pg_hba|postgresql\.conf|SSL mode|ALTER ROLE/i, ['postgresql']],
  [/\bGRANT [A-Z]/, ['postgresql']],
  [/authorized_keys|ssh-keygen|host key|sftp subsystem/i, ['sftp']],
  [
    /Entra|AADSTS|app registration|Application \(client\) ID|Directory \(tenant\) ID|national cloud|Certificates & secrets/i,
    ['microsoft-graph'],
  ],
  [/Exchange|Set-CASMailbox|port 587|port 465|app password|EHLO/i, ['smtp']],
  [/LDAPS|domain controller|base DN|bind account|logon hours|userWorkstations/i, ['ldap']],
  [/STARTTLS/i, ['smtp', 'ldap']],
  [/Okta|API Scopes tab|SSWS/i, ['okta']],
  [/Salesforce|connected app|My Domain|profile or permission set/i, ['salesforce']],
  [/ServiceNow|sys_user|ACL|web service access/i, ['servicenow']],
  [/Jira|Atlassian/i, ['jira-cloud']],
];

/** The product words in `text` that `connectorKey` may not use. */
export function foreignTerms(connectorKey: string, text: string): string[] {
  return PRODUCT_VOCABULARY.filter(([pattern, owners]) => !owners.includes(connectorKey) && pattern.test(text)).map(
    ([pattern]) => pattern.exec(text)?.[0] ?? String(pattern),
  );
}

/** Whether a hint sends the user to a CA certificate field. */
export const namesCaField = (hint: string) => /CA certificate field/i.test(hint);
