// TopicFilter.IncludeList: the --topic value of kafka-topics is a Java regex that must match the
// whole name; commas mean alternation, spaces and surrounding quotes are dropped.

export function compileIncludeList(raw: string): ((topic: string) => boolean) | string {
  const regex = raw
    .trim()
    .replace(/,/g, '|')
    .replace(/ /g, '')
    .replace(/^["']+/, '')
    .replace(/["']+$/, '');
  try {
    const re = new RegExp(`^(?:${regex})$`, 'u');
    return (topic) => re.test(topic);
  } catch {
    return `Illegal regular expression: ${raw}`;
  }
}
