/**
 * Checks every address in an article body. Links may use https:, mailto: or relative paths
 * (http: only for hosts listed as lacking https); images may only be local files, because a
 * remote image is a resource every reader's browser would fetch from a site we do not control.
 * rehype-safe-html strips what slips past, but a writer deserves an error with a line number.
 */
import type { Definition, Image, ImageReference, Link, Root } from 'mdast';
import { visit } from '../lib/visit';
import type { VFile } from 'vfile';
import { HTTP_ONLY_HOSTS_FILE } from '../lib/http-only-hosts';
import { visibleId } from '../lib/id-characters';
import { reportProblem, throwIfProblems } from '../lib/vfile-problems';

export interface RemarkSafeUrlsOptions {
  /** Hosts known to serve no https (content/http-only-hosts.txt). */
  httpOnlyHosts?: ReadonlySet<string>;
}

const LINK_SCHEMES = new Set(['https:', 'http:', 'mailto:']);

/** As a browser reads it: tabs and newlines inside are dropped, controls and spaces trimmed. */
function normalise(url: string): string {
  const s = url.replace(/[\t\n\r]/g, '');
  let from = 0;
  let to = s.length;
  while (from < to && s.charCodeAt(from) <= 0x20) from++;
  while (to > from && s.charCodeAt(to - 1) <= 0x20) to--;
  return s.slice(from, to);
}
const schemeOf = (url: string) => /^([a-z][a-z0-9+.-]*:)/i.exec(normalise(url))?.[1]?.toLowerCase();
const shown = (url: string) => visibleId(url.length > 80 ? `${url.slice(0, 77)}…` : url);

function hostOf(url: string): string | undefined {
  try {
    return new URL(normalise(url), 'https://relative.invalid').hostname.toLowerCase();
  } catch {
    return undefined;
  }
}

export function remarkSafeUrls(options: RemarkSafeUrlsOptions = {}) {
  const httpOnly = options.httpOnlyHosts ?? new Set<string>();
  return (tree: Root, file: VFile): void => {
    const definitions = new Map<string, Definition>();
    visit(tree, 'definition', (node) => {
      definitions.set(node.identifier.toLowerCase(), node);
    });

    const checkLink = (node: Link | Definition, what: string) => {
      const scheme = schemeOf(node.url);
      if (!scheme) return;
      if (!LINK_SCHEMES.has(scheme)) {
        reportProblem(file, node, {
          id: shown(node.url),
          message: `The ${what} "${shown(node.url)}" uses the "${scheme}" scheme, which articles may not use.`,
          fix: 'Link to an https:// address (or mailto:), or remove the link.',
        });
      } else if (scheme === 'http:' && !httpOnly.has(hostOf(node.url) ?? '')) {
        const host = hostOf(node.url) ?? '';
        reportProblem(file, node, {
          id: shown(node.url),
          message: `The ${what} "${shown(node.url)}" uses plain http:${/^www\./i.test(node.url.slice(7)) ? ' (a bare "www." address becomes an http: link)' : ''}.`,
          fix: `Write it as https://${normalise(node.url).replace(/^http:\/\//i, '')} if the host serves https; if it does not, add "${host}" to ${HTTP_ONLY_HOSTS_FILE}.`,
        });
      }
    };

    const checkImage = (node: Image | ImageReference, url: string, at: Image | ImageReference | Definition) => {
      const scheme = schemeOf(url);
      if (!scheme && !normalise(url).startsWith('//')) return;
      reportProblem(file, at, {
        id: shown(url),
        message: `The image ![${shown(node.alt ?? '')}](${shown(url)}) would load from ${scheme === 'http:' || scheme === 'https:' || !scheme ? `another site (${hostOf(url)})` : `a "${scheme}" address`}; articles load no resources from outside the site.`,
        fix: 'Save the image in the repository beside the article and use a relative path, or link to it instead: [description](https://…).',
      });
    };

    visit(tree, (node) => {
      if (node.type === 'link') checkLink(node, 'link');
      else if (node.type === 'definition') checkLink(node, 'link definition');
      else if (node.type === 'image') checkImage(node, node.url, node);
      else if (node.type === 'imageReference') {
        const def = definitions.get(node.identifier.toLowerCase());
        if (def) checkImage(node, def.url, node);
      }
    });
    throwIfProblems(file);
  };
}
