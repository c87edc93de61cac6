/** How the catalogue's category keys read to people; an unknown key reads as its words. */
const LABELS: Readonly<Record<string, string>> = {
  identity: 'Identity',
  email: 'Email',
  directory: 'Directories',
  crm: 'CRM',
  itsm: 'IT service management',
  http: 'HTTP APIs',
  database: 'Databases',
  'file-transfer': 'File transfer',
  'project-management': 'Project management',
};

export function categoryLabel(category: string): string {
  const words = category.replace(/-/g, ' ');
  return LABELS[category] ?? words.charAt(0).toUpperCase() + words.slice(1);
}
