const ds = (dataset: string): string => encodeURIComponent(dataset);

/** Collection paths of Honeycomb's Configuration API; recipients and boards are environment-wide. */
export const apiPaths = {
  auth: '/1/auth',
  recipients: '/1/recipients',
  boards: '/1/boards',
  derivedColumns: (dataset: string) => `/1/derived_columns/${ds(dataset)}`,
  queries: (dataset: string) => `/1/queries/${ds(dataset)}`,
  queryAnnotations: (dataset: string) => `/1/query_annotations/${ds(dataset)}`,
  slos: (dataset: string) => `/1/slos/${ds(dataset)}`,
  burnAlerts: (dataset: string) => `/1/burn_alerts/${ds(dataset)}`,
  triggers: (dataset: string) => `/1/triggers/${ds(dataset)}`,
};
