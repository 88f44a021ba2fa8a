export type QueryStyle = 'graph' | 'table' | 'combo';

/** Panels name the saved query or SLO they show; apply resolves the names to Honeycomb ids. */
export interface QueryPanel {
  type: 'query';
  query_panel: { query: string; query_style?: QueryStyle };
}

export interface SloPanel {
  type: 'slo';
  slo_panel: { slo: string };
}

export interface TextPanel {
  type: 'text';
  text_panel: { content: string };
}

export type BoardPanel = QueryPanel | SloPanel | TextPanel;

export interface Board {
  name: string;
  description?: string;
  tags?: Array<{ key: string; value: string }>;
  panels: BoardPanel[];
}

export const queryPanel = (query: string, query_style: QueryStyle = 'graph'): QueryPanel => ({
  type: 'query',
  query_panel: { query, query_style },
});

export const sloPanel = (slo: string): SloPanel => ({ type: 'slo', slo_panel: { slo } });

export const textPanel = (content: string): TextPanel => ({ type: 'text', text_panel: { content } });
