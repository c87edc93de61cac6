import type { IntegrationDefinition } from './integration.definition';

export const userProvisioning: IntegrationDefinition = {
  key: 'user-provisioning',
  name: 'User provisioning',
  description: 'Reads people from a directory and creates, updates and disables their accounts in other programs.',
  connectors: {
    'microsoft-graph': {
      userFilter: { show: true },
      sharePointSiteUrl: { hide: true },
      permissionProbe: {
        defaultValue: 'USERS',
        helpText: 'Provisioning reads users, so the test checks User.Read.All by default.',
      },
    },
    okta: {},
    ldap: {
      userFilter: { show: true, require: true },
      groupBaseDn: { show: true },
    },
    salesforce: {
      probeObject: { defaultValue: 'User', helpText: 'Provisioning manages users, so the test reads the User object.' },
    },
  },
};
