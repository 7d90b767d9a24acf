declare module 'parse-prometheus-text-format' {
  type ParsedSample = { labels?: Record<string, string>; value: string };
  type ParsedFamily = { name: string; help: string; type: string; metrics: ParsedSample[] };
  export default function parsePrometheusTextFormat(text: string): ParsedFamily[];
}
