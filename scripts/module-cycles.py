#!/usr/bin/env python3
"""Finds modules that import each other, directly or round a cycle, within each crate of the
workspace.

A module is a file (`src/web/csrf.rs` is `web::csrf`, `src/routes/mod.rs` is `routes`). Module A
uses module B when A's code names a path into B (`crate::web::csrf::…`, `super::layout::…`,
`use crate::{web::csrf, …}`); a child naming its own parent (`super::Fields` from
`routes/moments.rs`) is the usual Rust layout and not counted, nor is a parent naming its
children. Prints each cycle (a group of modules each reaching the others), and every use of an
area's `routes` module from another crate (an area depends on the kernel and on the data of the
few areas it uses, never on their pages); exits 1 if there is one.

Usage: scripts/module-cycles.py [crates-dir]
"""
import re
import sys
from pathlib import Path


def module_of(src: Path, file: Path) -> tuple:
    parts = list(file.relative_to(src).with_suffix("").parts)
    if parts[-1] in ("mod", "lib", "main"):
        parts = parts[:-1]
    return tuple(parts)


def strip_comments(text: str) -> str:
    """The code without comments and with string and char literals emptied (they may hold
    `crate::` in SQL or messages, or `//` in a URL)."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("//", i):
            i = text.find("\n", i)
            i = n if i < 0 else i
        elif text.startswith("/*", i):
            end = text.find("*/", i + 2)
            i = n if end < 0 else end + 2
        elif c == "r" and re.match(r'r#*"', text[i:]) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            hashes = re.match(r"r(#*)\"", text[i:]).group(1)
            end = text.find('"' + hashes, i + 2 + len(hashes))
            out.append('""')
            i = n if end < 0 else end + 1 + len(hashes)
        elif c == '"':
            i += 1
            while i < n and text[i] != '"':
                i += 2 if text[i] == "\\" else 1
            out.append('""')
            i += 1
        elif c == "'" and re.match(r"'(\\.[^']*|[^\\'])'", text[i:]):
            i += len(re.match(r"'(\\.[^']*|[^\\'])'", text[i:]).group(0))
            out.append("' '")
        else:
            out.append(c)
            i += 1
    return "".join(out)


def expand_use_groups(text: str) -> list:
    """Every path a `use` statement names, braces expanded: `use crate::{a::b, c};` -> crate::a::b, crate::c."""
    paths = []
    for statement in re.findall(r"\buse\s+([^;]+);", text):
        stack = [(statement.replace("\n", " "), "")]
        while stack:
            body, prefix = stack.pop()
            body = body.strip()
            m = re.match(r"^(.*?)\{(.*)\}$", body, flags=re.S)
            if m:
                head, inner = m.group(1), m.group(2)
                depth, current, items = 0, "", []
                for ch in inner:
                    if ch == "{":
                        depth += 1
                    elif ch == "}":
                        depth -= 1
                    if ch == "," and depth == 0:
                        items.append(current)
                        current = ""
                    else:
                        current += ch
                items.append(current)
                for item in items:
                    if item.strip():
                        stack.append((item, prefix + head))
            else:
                paths.append((prefix + body).split(" as ")[0].strip())
    return paths


def resolve(path: str, here: tuple, modules: set):
    segments = [s for s in path.replace(" ", "").split("::") if s]
    if not segments:
        return None
    if segments[0] == "crate":
        base, rest = (), segments[1:]
    elif segments[0] in ("super", "self"):
        base = here
        while segments and segments[0] in ("super", "self"):
            if segments[0] == "super":
                base = base[:-1]
            segments = segments[1:]
        rest = segments
    else:
        return None
    target = base
    for segment in rest:
        if target + (segment,) in modules:
            target = target + (segment,)
        else:
            break
    return target


def cycles(uses: dict) -> list:
    """The strongly connected groups of more than one module (Tarjan), each in a cycle order."""
    index, low, on_stack, stack, groups = {}, {}, set(), [], []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(uses.get(v, ())):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                groups.append(order(sorted(group), uses))

    for v in sorted(uses):
        if v not in index:
            visit(v)
    return groups


def order(group: list, uses: dict) -> list:
    """The group's modules along uses, from the first (for a readable cycle)."""
    path, members = [group[0]], set(group)
    while len(path) < len(group):
        nxt = next((w for w in sorted(uses[path[-1]]) if w in members and w not in path), None)
        if nxt is None:
            path += [m for m in group if m not in path]
            break
        path.append(nxt)
    return path


def main() -> int:
    root = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parent.parent / "crates")
    found = []
    for crate in sorted(p for p in root.iterdir() if (p / "src").is_dir()):
        src = crate / "src"
        files = list(src.rglob("*.rs"))
        modules = {module_of(src, f) for f in files}
        uses = {m: set() for m in modules}
        for file in files:
            here = module_of(src, file)
            text = strip_comments(file.read_text())
            names = expand_use_groups(text) + re.findall(r"\b(?:crate|super)(?:::[A-Za-z_][A-Za-z0-9_]*)+", text)
            for name in names:
                target = resolve(name, here, modules)
                if target is None or target == here:
                    continue
                # a parent and its descendants are one family
                if here[: len(target)] == target or target[: len(here)] == here:
                    continue
                uses[here].add(target)
        for group in cycles(uses):
            found.append(f"{crate.name}: " + " -> ".join("::".join(m) or "crate" for m in group + [group[0]]))
    # (the binary `relais` assembles the areas: its benches drive their pages)
    for crate in sorted(p for p in root.iterdir() if (p / "src").is_dir() and p.name != "relais"):
        own = crate.name.replace("-", "_")
        for file in sorted((crate / "src").rglob("*.rs")):
            text = strip_comments(file.read_text())
            for name in sorted(set(re.findall(r"\b(relais_[a-z_]+)::routes::", text) + re.findall(r"\buse\s+(relais_[a-z_]+)::\{[^;]*\broutes::", text))):
                if name != own:
                    found.append(f"{crate.name}: {file.relative_to(crate)} uses {name}::routes")
    for line in found:
        print(line)
    print(f"module-cycles: cycles={len(found)}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
