/**
 * `visit` and `visitParents` as unist-util-visit and unist-util-visit-parents define them (same
 * arguments, types, order and visitor results), for the Markdown pipeline's plugins, which walk
 * every article's tree about fifteen times. The libraries name a new function after every node
 * they reach (`Object.defineProperty(…, 'name', …)`, for stack traces) and copy the ancestors
 * array at every level even for `visit`, which reads only the parent: walking an article's tree
 * cost about ten times what the walk itself does, and the Markdown stage spent seconds of a
 * build in it (docs/performance.md, "Cold build, eighth pass").
 *
 * The common form, a type name or no test, an `enter` visitor and no `reverse`, is walked here;
 * any other form (a test function or object, `visitors` with `exit`, `reverse`) goes to the
 * library itself. What a visitor returns means what it means there: `SKIP` leaves the node's
 * children, `EXIT` ends the walk, a number (or `[action, number]`) is the index of the parent's
 * child to go on with, and the parent's children are read afresh at every step, so a visitor
 * may replace nodes. `visitParents` hands each visitor an ancestors array made for its parent,
 * as the library does, so a visitor may keep it.
 */
import type { Node, Parent } from 'unist';
import { CONTINUE, EXIT, SKIP, visit as libraryVisit } from 'unist-util-visit';
import { visitParents as libraryVisitParents } from 'unist-util-visit-parents';

export { CONTINUE, EXIT, SKIP };

type Enter = (node: Node, ...rest: never[]) => unknown;
type Call = (enter: Enter, node: Node, index: number | undefined, parents: Parent[]) => unknown;

/** `visit` visitors get the index and the parent; `visitParents` ones the ancestors. */
const withParent: Call = (enter, node, index, parents) =>
  (enter as (n: Node, i: number | undefined, p: Parent | undefined) => unknown)(node, index, parents.at(-1));
const withAncestors: Call = (enter, node, index, parents) =>
  (enter as (n: Node, a: Parent[], i: number | undefined) => unknown)(node, parents, index);

/** Nothing given: go on with the next sibling. */
const NEXT = -1;
/** The walk is over. */
const STOP = -2;

/**
 * Walks `node` and what is below it; returns STOP, NEXT, or the index of the parent's child to
 * go on with. `parents` is `node`'s ancestors; `visitParents` keeps one array per level, made
 * only for nodes with children, and `visit` one array for the whole walk (it reads the last).
 */
function walk(
  node: Node,
  index: number | undefined,
  parents: Parent[],
  type: string | undefined,
  enter: Enter,
  call: Call,
  copies: boolean,
): number {
  let action: unknown = CONTINUE;
  let next = NEXT;
  if (type === undefined || node.type === type) {
    const result = call(enter, node, index, parents);
    if (Array.isArray(result)) {
      action = result[0];
      if (typeof result[1] === 'number') next = result[1];
    } else if (typeof result === 'number') next = result;
    else if (result !== null && result !== undefined) action = result;
    if (action === EXIT) return STOP;
  }
  const children = (node as Partial<Parent>).children;
  if (children && action !== SKIP) {
    const parent = node as Parent;
    let below: Parent[];
    if (copies) below = [...parents, parent];
    else {
      below = parents;
      below.push(parent);
    }
    let offset = 0;
    while (offset > -1 && offset < parent.children.length) {
      const result = walk(parent.children[offset]!, offset, below, type, enter, call, copies);
      if (result === STOP) return STOP;
      offset = result === NEXT ? offset + 1 : result;
    }
    if (!copies) below.pop();
  }
  return next;
}

/** The type a test names, or undefined for no test; null when the test is of another kind. */
function typeOf(test: unknown): string | undefined | null {
  if (test === null || test === undefined) return undefined;
  return typeof test === 'string' ? test : null;
}

/** Splits the arguments as the libraries do: a third argument that is a visitor means a test came second. */
function common(args: unknown[]): { type: string | undefined; enter: Enter } | undefined {
  const [, second, third, fourth] = args;
  const tested = typeof third === 'function' || (third !== null && typeof third === 'object');
  const test = tested ? second : undefined;
  const enter = tested ? third : second;
  const reverse = tested ? fourth : third;
  const type = typeOf(test);
  if (typeof enter !== 'function' || reverse || type === null) return undefined;
  return { type, enter: enter as Enter };
}

/** unist-util-visit's `visit`: the visitor gets each node, its index and its parent. */
export const visit = ((...args: unknown[]): void => {
  const simple = common(args);
  const tree = args[0] as Node;
  if (!simple || !tree || typeof tree !== 'object') {
    (libraryVisit as (...a: unknown[]) => void)(...args);
    return;
  }
  walk(tree, undefined, [], simple.type, simple.enter, withParent, false);
}) as typeof libraryVisit;

/** unist-util-visit-parents' `visitParents`: the visitor gets each node and its ancestors. */
export const visitParents = ((...args: unknown[]): void => {
  const simple = common(args);
  const tree = args[0] as Node;
  if (!simple || !tree || typeof tree !== 'object') {
    (libraryVisitParents as (...a: unknown[]) => void)(...args);
    return;
  }
  walk(tree, undefined, [], simple.type, simple.enter, withAncestors, true);
}) as typeof libraryVisitParents;
