#!/usr/bin/env python3
"""Checks the relative links of Markdown files: every [text](target) and ![alt](target) outside code
must name an existing file or directory, and a #fragment must be a heading of the target file (slugs
as GitHub makes them). External links (http:, https:, mailto:) are not fetched.

Usage: .ci/check-links.py FILE.md...   (exit 0: all resolve; 1: lists each broken link)
"""
import os
import re
import sys

LINK = re.compile(r'!?\[((?:[^\[\]]|\[[^\]]*\])*)\]\(([^)\s]+)(?:\s+"[^"]*")?\)')


def strip_code(text):
    text = re.sub(r'^(```|~~~).*?^\1[^\n]*$', '', text, flags=re.S | re.M)
    return re.sub(r'`[^`\n]*`', lambda m: '' if '](' not in m.group(0) else m.group(0), text)


def slugs(path):
    found, seen = set(), {}
    in_code = False
    for line in open(path, encoding='utf-8'):
        if line.startswith('```') or line.startswith('~~~'):
            in_code = not in_code
            continue
        m = None if in_code else re.match(r'#{1,6}\s+(.*?)\s*#*\s*$', line)
        if not m:
            continue
        title = re.sub(r'\[([^\]]*)\]\([^)]*\)', r'\1', m.group(1))
        slug = re.sub(r'[^\w\- ]', '', title.lower().replace('`', '')).replace(' ', '-')
        n = seen.get(slug, 0)
        seen[slug] = n + 1
        found.add(slug if n == 0 else f'{slug}-{n}')
    return found


def check(path):
    broken = []
    text = open(path, encoding='utf-8').read()
    for m in LINK.finditer(strip_code(text)):
        target = m.group(2)
        if re.match(r'[a-z]+:', target):
            continue
        file_part, _, fragment = target.partition('#')
        resolved = os.path.normpath(os.path.join(os.path.dirname(path), file_part)) if file_part else path
        if not os.path.exists(resolved):
            broken.append(f'{path}: {target}: no such file')
        elif fragment and resolved.endswith('.md') and fragment not in slugs(resolved):
            broken.append(f'{path}: {target}: no heading #{fragment} in {resolved}')
    return broken


if __name__ == '__main__':
    problems = [p for f in sys.argv[1:] for p in check(f)]
    print('\n'.join(problems) if problems else f'links: all resolve in {len(sys.argv) - 1} files')
    sys.exit(1 if problems else 0)
