#!/usr/bin/env python3
"""Checks the source layout rules; prints one line per violation, then "N passed, N failed".

1. Plain C stays plain: no file under src/ outside src/php/ (generated protobuf-c code
   excepted) mentions php.h, zval, zend_, emalloc or SPECTRA_G.
2. Includes run one way: the include graph between modules (x.c + x.h are one module) has
   no cycle, and no file includes a header of a higher layer (LAYERS, lowest first).
3. Every hand-written .c under src/ has its own header (x.c -> x.h), first in its includes.

Usage: tools/check-layering.py [ROOT]   (default: the repository this script is in)
"""
import os
import re
import sys

ROOT = os.path.abspath(sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), '..'))

# Lowest first. A file may include headers of its own layer or a lower one. The plain-C
# layers come first; then the Zend binding, whose per-stage request state and fact tables
# (the *_state.h and *_table.h headers, types and X-macros only) and the module globals (php_spectra.h) sit beneath every src/php stage.
LAYERS = [
    'src/util', 'src/providers', 'src/record', 'src/stream', 'src/pricing', 'src/span', 'src/otlp', 'src/export',
    'php:state', 'php_spectra.h',
    'src/php/sandbox', 'src/php/settings', 'src/php/extract', 'src/php/content', 'src/php/capture', 'src/php/publish',
    'src/php/span_bridge', 'src/php/delivery', 'src/php/pipeline', 'src/php/stream', 'src/php/curl', 'src/php/api',
    'stubs', 'spectra.c',
]
ZEND_WORDS = re.compile(r'php\.h|zval|zend_|emalloc|SPECTRA_G')
INCLUDE = re.compile(r'^\s*#\s*include\s+"([^"]+)"', re.M)
# .c files that implement a header of another name
OWN_HEADER_EXCEPTIONS = {
    'src/pricing/catalog_data.c': 'src/pricing/catalog.h',  # generated rows of pricing.h's table
    'src/pricing/pricing_file.c': 'src/pricing/pricing.h',  # the override half of pricing.h's lookup
}

failures = []
checks = 0


def fail(message):
    failures.append(message)


def source_files():
    for top in ('src',):
        for dirpath, _dirs, files in os.walk(os.path.join(ROOT, top)):
            rel_dir = os.path.relpath(dirpath, ROOT)
            if rel_dir.startswith('src/otlp/gen'):
                continue
            for name in sorted(files):
                if name.endswith(('.c', '.h')):
                    yield os.path.join(rel_dir, name)
    for name in ('spectra.c', 'php_spectra.h'):
        if os.path.exists(os.path.join(ROOT, name)):
            yield name


def layer_of(path):
    if path.startswith('src/php/') and path.endswith(('_state.h', '_table.h')):
        return LAYERS.index('php:state')
    if path in ('php_spectra.h', 'spectra.c'):
        return LAYERS.index(path)
    best = None
    for i, prefix in enumerate(LAYERS):
        if path.startswith(prefix + '/'):
            best = i
    return best


def resolve(including, target):
    """Project path of an include, or None for a system/PHP header."""
    if target == 'config.h':
        return None  # written by configure
    candidates = [os.path.normpath(os.path.join(os.path.dirname(including), target)), os.path.normpath(target)]
    for candidate in candidates:
        if os.path.exists(os.path.join(ROOT, candidate)) and not candidate.startswith('src/otlp/gen'):
            if candidate.startswith('..'):
                return None
            return candidate
    return None


def module_of(path):
    return os.path.splitext(path)[0]


files = list(source_files())
edges = {}
for path in files:
    text = open(os.path.join(ROOT, path), encoding='utf-8', errors='replace').read()
    plain = not path.startswith('src/php/') and path not in ('spectra.c', 'php_spectra.h')
    if plain:
        checks += 1
        for number, line in enumerate(text.splitlines(), 1):
            if ZEND_WORDS.search(line):
                fail(f'{path}:{number}: Zend in plain C: {line.strip()}')
                break
    includes = [resolve(path, t) for t in INCLUDE.findall(text)]
    includes = [i for i in includes if i]
    mine = layer_of(path)
    for target in includes:
        checks += 1
        theirs = layer_of(target)
        if mine is None or theirs is None:
            fail(f'{path}: includes {target}: a folder with no layer in tools/check-layering.py')
        elif theirs > mine:
            fail(f'{path}: includes {target}, a higher layer ({LAYERS[theirs]} above {LAYERS[mine]})')
        if module_of(target) != module_of(path):
            edges.setdefault(module_of(path), set()).add(module_of(target))
    if path.endswith('.c') and path.startswith('src/'):
        checks += 1
        own = OWN_HEADER_EXCEPTIONS.get(path, os.path.splitext(path)[0] + '.h')
        if not os.path.exists(os.path.join(ROOT, own)):
            fail(f'{path}: has no header of its own ({own})')
        elif not includes or includes[0] != own:
            fail(f'{path}: its own header {own} is not its first project include')

# the build's source lists: config.m4 (phpize) and config.w32 (Windows) name every
# hand-written and generated .c under src/, and nothing else
checks += 1
m4 = open(os.path.join(ROOT, 'config.m4')).read()
m4_sources = set(re.search(r'SPECTRA_SOURCES="([^"]*)"', m4).group(1).replace('\\\n', ' ').split())
w32_sources = set()
for folder, names in re.findall(r'ADD_SOURCES\(dir \+ "([^"]+)", "([^"]+)"', open(os.path.join(ROOT, 'config.w32')).read()):
    w32_sources.update(folder.replace('\\\\', '/').lstrip('/') + '/' + n for n in names.split())
w32_sources.add('spectra.c')
tree_sources = {'spectra.c'}
for dirpath, _dirs, names in os.walk(os.path.join(ROOT, 'src')):
    tree_sources.update(os.path.relpath(os.path.join(dirpath, n), ROOT) for n in names if n.endswith('.c'))
for name, listed in (('config.m4', m4_sources), ('config.w32', w32_sources)):
    for missing in sorted(tree_sources - listed):
        fail(f'{name}: does not build {missing}')
    for extra in sorted(listed - tree_sources):
        fail(f'{name}: lists {extra}, which does not exist')

# cycles between modules (depth-first search, each cycle reported once)
checks += 1
state = {}
stack = []
found = set()


def visit(node):
    state[node] = 'open'
    stack.append(node)
    for nxt in sorted(edges.get(node, ())):
        if state.get(nxt) == 'open':
            cycle = stack[stack.index(nxt):] + [nxt]
            key = frozenset(cycle)
            if key not in found:
                found.add(key)
                fail('include cycle: ' + ' -> '.join(cycle))
        elif nxt not in state:
            visit(nxt)
    stack.pop()
    state[node] = 'done'


sys.setrecursionlimit(10000)
for node in sorted(edges):
    if node not in state:
        visit(node)

for message in failures:
    print('FAIL ' + message)
print(f'layering: {len(files)} files, {checks} checks')
print(f'{checks - len(failures)} passed, {len(failures)} failed')
sys.exit(1 if failures else 0)
