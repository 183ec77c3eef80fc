/**
 * YAML for content files: js-yaml, about nine times faster than the `yaml` package on a
 * frontmatter (docs/performance.md), with the YAML 1.2 core schema both use, so a date stays a
 * string. When the text does not parse, `yaml` parses it again for its error, whose message
 * and line the content checks already report.
 */
import jsyaml from 'js-yaml';
import { parse } from 'yaml';

export function loadYaml(text: string): unknown {
  try {
    return jsyaml.load(text, { schema: jsyaml.CORE_SCHEMA });
  } catch (e) {
    parse(text); // throws yaml's own error, with linePos
    throw e;
  }
}
