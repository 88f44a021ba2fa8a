import { queryPanel, sloPanel, textPanel, type Board, type NamedQuery } from '@lift-sys/honeycomb';
import { businessQueries, errorQueries, overviewQueries, performanceQueries } from './board-queries.js';

function board(name: string, description: string, queries: NamedQuery[], extra: Board['panels'] = []): Board {
  return {
    name,
    description,
    panels: [
      textPanel(description),
      ...queries.map((query) => queryPanel(query.name, query.query.granularity ? 'graph' : 'table')),
      ...extra,
    ],
  };
}

/** The four boards of section 7. */
export const boards: Board[] = [
  board('lift-sys Request Overview', 'High-level request health (section 7.1)', overviewQueries, [
    sloPanel('Request Success Rate'),
    sloPanel('Request Latency'),
  ]),
  board('lift-sys Performance', 'Slow operations and bottlenecks (section 7.2)', performanceQueries),
  board('lift-sys Errors', 'Failures by type, operation and provider (section 7.3)', errorQueries),
  board('lift-sys Business Metrics', 'Sessions, holes, cost and tokens (section 7.4)', businessQueries),
];
