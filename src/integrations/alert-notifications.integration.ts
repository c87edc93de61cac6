import type { IntegrationDefinition } from './integration.definition';

export const alertNotifications: IntegrationDefinition = {
  key: 'alert-notifications',
  name: 'Alert notifications',
  description: 'Sends alert e-mails and webhook calls when an integration needs attention.',
  connectors: {
    smtp: {
      replyToAddress: { helpText: 'Replies to alerts go here, such as your service desk mailbox.' },
      authMethod: { onlyOptions: ['PASSWORD', 'OAUTH2_TOKEN'] },
    },
    'rest-api': {
      testMethod: { onlyOptions: ['GET', 'HEAD'] },
    },
  },
};
