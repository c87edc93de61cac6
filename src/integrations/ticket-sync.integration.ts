import type { IntegrationDefinition } from './integration.definition';

export const ticketSync: IntegrationDefinition = {
  key: 'ticket-sync',
  name: 'Ticket sync',
  description: 'Keeps tickets in step between a service desk and a project tracker.',
  connectors: {
    servicenow: {
      assignmentGroup: { show: true },
      probeTable: { helpText: 'Tickets live in the incident table unless you sync another one.' },
    },
    'jira-cloud': {
      projectKey: { show: true, require: true },
      issueType: { show: true },
    },
    salesforce: {
      probeObject: {
        defaultValue: 'Case',
        helpText: 'Tickets are Salesforce cases, so the test reads the Case object.',
      },
    },
    'rest-api': {},
  },
};
