import type { IntegrationDefinition } from './integration.definition';

export const fileExport: IntegrationDefinition = {
  key: 'file-export',
  name: 'File export',
  description: 'Writes scheduled exports as files to a server or document library.',
  connectors: {
    sftp: {
      rootDirectory: {
        require: true,
        helpText: 'Where export files are written. The test lists it to check it exists and may be written.',
      },
    },
    'microsoft-graph': {
      sharePointSiteUrl: { show: true, require: true },
      userFilter: { hide: true },
      legacyUserSignIn: { hide: true },
      username: { hide: true },
      password: { hide: true },
    },
    postgresql: {
      schema: { require: true, helpText: 'Exports read from this schema.' },
    },
  },
};
