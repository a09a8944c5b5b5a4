#!/usr/bin/env python3
"""The module graph of a crate's `src/`: which modules import which (`crate::a::…`,
`super::…`, and root re-exports resolved to the module that defines them), printed as edges,
with every circle (a strongly connected set of more than one module) listed.

Comments (doc links included) and `#[cfg(test)]` modules are not imports and are left out.

Usage: tools/module-graph.py crates/zugong-dataset [--edges]
Exit status 1 when a circle is found. A reviewer's aid, not part of the build.
"""
import os, re, sys

def modules(src):
    mods = {}
    for dirpath, _, files in os.walk(src):
        for f in files:
            if not f.endswith('.rs'):
                continue
            p = os.path.join(dirpath, f)
            rel = os.path.relpath(p, src)[:-3].split(os.sep)
            if rel[-1] in ('mod', 'lib', 'main'):
                rel = rel[:-1]
            mods['::'.join(rel)] = open(p, encoding='utf-8').read()
    return mods

def strip_tests(text):
    """The code outside `#[cfg(test)]` modules, without comments (doc links are not imports)."""
    i = text.find('#[cfg(test)]')
    text = text if i < 0 else text[:i]
    return '\n'.join(re.sub(r'//.*', '', line) for line in text.split('\n'))

def main():
    crate = sys.argv[1]
    show = '--edges' in sys.argv
    mods = modules(os.path.join(crate, 'src'))
    names = set(mods)
    # Root re-exports: item → module.
    reexport = {}
    root = mods.get('', '')
    for m in re.finditer(r'pub(?:\(crate\))? use (\w+(?:::\w+)*)::\{?([^;]+?)\}?;', root):
        for item in re.split(r'[,\s]+', m.group(2)):
            item = item.strip()
            if item and item != 'self' and not item.startswith('*'):
                reexport[item.split(' as ')[-1]] = m.group(1).replace('self::', '')
    edges = set()
    for mod, text in mods.items():
        text = strip_tests(text)
        parent = mod.rsplit('::', 1)[0] if '::' in mod else ''
        for path in re.findall(r'\b(crate|super)((?:::\w+)+)', text):
            base, rest = path
            parts = [p for p in rest.split('::') if p]
            if base == 'super':
                prefix = parent.split('::') if parent else []
            else:
                prefix = []
            target = None
            for i in range(len(parts), 0, -1):
                cand = '::'.join(prefix + parts[:i])
                if cand in names:
                    target = cand
                    break
            if target is None:
                first = parts[0] if parts else ''
                target = reexport.get(first, '::'.join(prefix))
                if target not in names:
                    target = '::'.join(prefix)
            # Only edges between siblings' subtrees count: a module's own descendants are
            # its parts, and a module's ancestors are where it lives.
            if target == mod or mod.startswith(target + '::') and target != '' or target.startswith(mod + '::'):
                continue
            edges.add((mod or 'lib', target or 'lib'))
    graph = {}
    for a, b in edges:
        graph.setdefault(a, set()).add(b)
    if show:
        for a, b in sorted(edges):
            print(f'{a} -> {b}')
    # Tarjan's strongly connected components, ignoring edges into the root (items defined at
    # the root are the crate's vocabulary, used by every module).
    index, low, stack, on, sccs, counter = {}, {}, [], set(), [], [0]
    def visit(v):
        index[v] = low[v] = counter[0]; counter[0] += 1
        stack.append(v); on.add(v)
        for w in graph.get(v, ()):
            if w == 'lib':
                continue
            if w not in index:
                visit(w); low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            comp = []
            while True:
                w = stack.pop(); on.discard(w); comp.append(w)
                if w == v:
                    break
            if len(comp) > 1:
                sccs.append(sorted(comp))
    sys.setrecursionlimit(10000)
    for v in list(graph):
        if v not in index:
            visit(v)
    for c in sccs:
        print('circle:', ' ↔ '.join(c))
    print(f'{crate}: {len(names)} modules, {len(edges)} edges, {len(sccs)} circles')
    sys.exit(1 if sccs else 0)

main()
