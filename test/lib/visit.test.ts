// src/lib/visit.ts against the libraries it stands in for: on random trees, with visitors that
// skip, stop, jump to an index, replace or remove nodes, both walk the same nodes in the same
// order with the same index, parent and ancestors, and leave the same tree.
import fc from 'fast-check';
import type { Node, Parent } from 'unist';
import { visit as libraryVisit } from 'unist-util-visit';
import { visitParents as libraryVisitParents } from 'unist-util-visit-parents';
import { describe, expect, it } from 'vitest';
import { EXIT, SKIP, visit, visitParents } from '../../src/lib/visit';

interface TestNode extends Node {
  id: number;
  value?: string;
  children?: TestNode[];
}

const TYPES = ['a', 'b', 'text'] as const;

/** A tree of a few levels, node ids in creation order. */
const treeArb = fc.letrec<{ node: { type: string; children?: unknown[] } }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.record({ type: fc.constant('text') }),
    fc.record({ type: fc.constantFrom(...TYPES), children: fc.array(tie('node'), { maxLength: 4 }) }),
  ),
}));

function number(shape: { type: string; children?: unknown[] }, counter: { n: number }): TestNode {
  const node: TestNode = { type: shape.type, id: counter.n++ };
  if (shape.children) node.children = shape.children.map((c) => number(c as typeof shape, counter));
  else node.value = `v${node.id}`;
  return node;
}

const ACTIONS = ['none', 'continue', 'skip', 'exit', 'replace', 'remove', 'jump', 'skip-jump', 'back'] as const;
type Action = (typeof ACTIONS)[number];

/** What the visitor does at a node, by its id; nodes it adds get ids after the tree's. */
function visitor(script: Action[], log: unknown[], counter: { n: number }, withParents: boolean) {
  const seen = new Map<number, number>();
  return (node: TestNode, second: unknown, third?: unknown) => {
    const parents = withParents ? (second as TestNode[]) : undefined;
    const index = (withParents ? third : second) as number | undefined;
    const parent = withParents ? parents!.at(-1) : (third as TestNode | undefined);
    log.push([node.id, index, parent?.id, parents?.map((p) => p.id)]);
    // A node reached again (after a jump back) just goes on, so every walk ends.
    const visits = (seen.get(node.id) ?? 0) + 1;
    seen.set(node.id, visits);
    const action: Action = visits > 1 ? 'none' : (script[node.id % script.length] ?? 'none');
    if (typeof index !== 'number' || !parent?.children) return action === 'exit' ? EXIT : undefined;
    switch (action) {
      case 'none':
        return undefined;
      case 'continue':
        return true;
      case 'skip':
        return SKIP;
      case 'exit':
        return EXIT;
      case 'replace': {
        const added = [0, 1].map((): TestNode => ({ type: 'text', id: counter.n++, value: 'new' }));
        parent.children.splice(index, 1, ...added);
        return index + added.length;
      }
      case 'remove':
        parent.children.splice(index, 1);
        return index;
      case 'jump':
        return index + 2;
      case 'skip-jump':
        return [SKIP, index + 1];
      case 'back':
        return Math.max(0, index - 1);
    }
  };
}

type Walk = (tree: TestNode, test: string | undefined, fn: ReturnType<typeof visitor>) => void;
const walks: Record<string, { ours: Walk; library: Walk; parents: boolean }> = {
  visit: {
    ours: (tree, test, fn) => (test ? visit(tree, test, fn as never) : visit(tree, fn as never)),
    library: (tree, test, fn) => (test ? libraryVisit(tree, test, fn as never) : libraryVisit(tree, fn as never)),
    parents: false,
  },
  visitParents: {
    ours: (tree, test, fn) => (test ? visitParents(tree, test, fn as never) : visitParents(tree, fn as never)),
    library: (tree, test, fn) =>
      test ? libraryVisitParents(tree, test, fn as never) : libraryVisitParents(tree, fn as never),
    parents: true,
  },
};

describe('the fast tree walks', () => {
  for (const [name, walk] of Object.entries(walks)) {
    it(`${name} reaches the same nodes, in the same order and places, and leaves the same tree as the library`, () => {
      fc.assert(
        fc.property(
          treeArb.node,
          fc.array(fc.constantFrom(...ACTIONS), { minLength: 1, maxLength: 12 }),
          fc.constantFrom(undefined, 'a', 'text'),
          (shape, script, test) => {
            const run = (fn: Walk) => {
              const counter = { n: 0 };
              const tree = number(shape, counter);
              const log: unknown[] = [];
              fn(tree, test, visitor(script, log, counter, walk.parents));
              return { log, tree: JSON.stringify(tree) };
            };
            expect(run(walk.ours)).toEqual(run(walk.library));
          },
        ),
        { numRuns: 2000 },
      );
    });
  }

  it('gives visitParents visitors an ancestors array that the walk does not change afterwards', () => {
    const tree: Parent = {
      type: 'root',
      children: [{ type: 'a', children: [{ type: 'text' }, { type: 'b', children: [{ type: 'text' }] }] } as Parent],
    };
    const kept: Node[][] = [];
    visitParents(tree, 'text', (_node, ancestors) => {
      kept.push(ancestors);
    });
    expect(kept.map((a) => a.map((n) => n.type))).toEqual([
      ['root', 'a'],
      ['root', 'a', 'b'],
    ]);
  });

  it('passes forms it does not walk itself (a test function, reverse order) to the library', () => {
    const tree: Parent = { type: 'root', children: [{ type: 'x' }, { type: 'y' }, { type: 'z' }] as Node[] };
    const seen = (fn: typeof visit) => {
      const types: string[] = [];
      fn(
        tree,
        (node: Node) => node.type !== 'y',
        (node: Node) => void types.push(node.type),
        true,
      );
      return types;
    };
    expect(seen(visit)).toEqual(seen(libraryVisit));
    expect(seen(visit)).toEqual(['root', 'z', 'x']);
  });
});
