#!/usr/bin/env python3
"""Writes the extension's site table and its manifest's content-script matches from
core/contract/sites.json, the one place the meeting sites and the page-reading rules live.

  gen-sites.py SITES.json CONTRACT.json EXTENSION_DIR

  - EXTENSION_DIR/shared/site-table.js: a classic script setting globalThis.consentlensSites
    (content scripts load it; the background and the pages import it for its side effect)
  - EXTENSION_DIR/manifest.json: content_scripts[0].matches set to every site's matches

Checks the file first (ids unique, vendors the contract's, match patterns https with a host,
regular expressions that compile, sources the contract's item_sources) and exits 2 naming
the entry, so a broken sites file stops the build.
"""
import glob
import json
import os
import re
import sys

MATCH = re.compile(r'^https://(\*\.)?([a-z0-9-]+(\.[a-z0-9-]+)+)/(.*)$')


def fail(message):
    print(f'gen-sites.py: {message}', file=sys.stderr)
    sys.exit(2)


def load_json(path):
    try:
        with open(path, encoding='utf-8') as f:
            return json.load(f)
    except (OSError, json.JSONDecodeError) as e:
        fail(f'{path}: {e}')


def check_pattern(where, pattern):
    # The patterns are used by JavaScript (case-insensitive); the subset they use (groups,
    # alternation, classes, quantifiers) means the same in Python's re.
    try:
        re.compile(pattern, re.I)
    except re.error as e:
        fail(f'{where}: pattern {pattern!r}: {e}')


def check(sites, contract, path):
    vendors = {e['id'] for e in contract['vendors']}
    sources = {e['id'] for e in contract['item_sources']}
    seen = set()
    table = sites.get('sites')
    if not isinstance(table, list) or not table:
        fail(f'{path}: "sites" must be a non-empty list')
    for i, s in enumerate(table):
        where = f'{path}: sites[{i}]'
        for key in ('id', 'label', 'vendor'):
            if not isinstance(s.get(key), str) or not s[key]:
                fail(f'{where}: needs a "{key}" string')
        if s['id'] in seen:
            fail(f'{where}: id "{s["id"]}" is listed twice')
        seen.add(s['id'])
        if s['vendor'] not in vendors:
            fail(f'{where}: vendor "{s["vendor"]}" is not one of the contract\'s vendors')
        if not isinstance(s.get('matches'), list) or not s['matches']:
            fail(f'{where}: needs "matches", a non-empty list of match patterns')
        for m in s['matches']:
            if not MATCH.match(m):
                fail(f'{where}: "{m}" is not an https match pattern with a host name')
        if 'meeting' in s:
            check_pattern(f'{where}.meeting', s['meeting'])
    for i, h in enumerate(sites.get('self_hosted', [])):
        if h.get('site') not in seen or '{host}' not in h.get('permission', ''):
            fail(f'{path}: self_hosted[{i}] needs a "site" of the table and a "permission" with {{host}}')
    text = sites.get('text') or {}
    for key in ('attributes', 'skip_tags', 'inline_tags', 'whole_regions'):
        if not isinstance(text.get(key), list) or not all(isinstance(x, str) for x in text[key]):
            fail(f'{path}: text.{key} must be a list of strings')
    for i, r in enumerate(text.get('regions', [])):
        where = f'{path}: text.regions[{i}]'
        if r.get('source') not in sources:
            fail(f'{where}: source "{r.get("source")}" is not one of the contract\'s item_sources')
        conds = r.get('any', []) + r.get('all', [])
        if not conds:
            fail(f'{where}: needs "any" or "all" conditions')
        for c in conds:
            if 'pattern' in c:
                check_pattern(where, c['pattern'])
            if not any(k in c for k in ('role', 'tag', 'attr')):
                fail(f'{where}: a condition needs "role", "tag" or "attr"')
    for s in text['whole_regions']:
        if s not in sources:
            fail(f'{path}: text.whole_regions: "{s}" is not one of the contract\'s item_sources')
    controls = text.get('controls') or {}
    if not isinstance(controls.get('tags'), list) or not isinstance(controls.get('roles'), list):
        fail(f'{path}: text.controls needs "tags" and "roles" lists')


def host_of(match):
    m = MATCH.match(match)
    return (m.group(1) or '') + m.group(2)


def vendor_hosts(contract_path):
    # The vendors' own hosts, from the knowledge pack (core/knowledge/vendors/*.json): the popup
    # ranks a vendor's own pages first among a finding's sources.
    folder = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(contract_path))), 'knowledge', 'vendors')
    out = {}
    for path in sorted(glob.glob(os.path.join(folder, '*.json'))):
        v = load_json(path)
        if isinstance(v.get('vendor'), str) and isinstance(v.get('hosts'), list):
            out[v['vendor']] = [h for h in v['hosts'] if isinstance(h, str)]
    return out


def table_of(sites):
    out = []
    for s in sites['sites']:
        hosts = []
        for m in s['matches']:
            h = host_of(m)
            if h not in hosts:
                hosts.append(h)
        entry = {'id': s['id'], 'label': s['label'], 'vendor': s['vendor'], 'matches': s['matches'], 'hosts': hosts}
        if 'meeting' in s:
            entry['meeting'] = s['meeting']
        out.append(entry)
    text = {k: v for k, v in sites['text'].items() if k != 'why'}
    text['regions'] = [{k: v for k, v in r.items() if k != 'why'} for r in text['regions']]
    text['controls'] = {k: v for k, v in text['controls'].items() if k != 'why'}
    return {'sites': out, 'self_hosted': sites.get('self_hosted', []), 'text': text}


def write_js(table, out):
    body = json.dumps(table, ensure_ascii=False, indent=1)
    with open(out, 'w', encoding='utf-8') as f:
        f.write(f'''// Generated by scripts/gen-sites.py from core/contract/sites.json. Do not edit.
// The meeting sites and the rules for reading their pages, for every part of the extension:
// a classic script (content scripts load it), which the background and the pages import for
// its side effect.
(function () {{
  'use strict';
  if (globalThis.consentlensSites) return;
  const table = {body};
  const deepFreeze = (o) => {{ Object.values(o).forEach((v) => {{ if (v && typeof v === 'object') deepFreeze(v); }}); return Object.freeze(o); }};
  globalThis.consentlensSites = deepFreeze(table);
}})();
''')


def write_manifest(table, path):
    manifest = load_json(path)
    scripts = manifest.get('content_scripts')
    if not isinstance(scripts, list) or len(scripts) != 1:
        fail(f'{path}: expected exactly one content_scripts entry to fill in')
    scripts[0]['matches'] = [m for s in table['sites'] for m in s['matches']]
    with open(path, 'w', encoding='utf-8') as f:
        json.dump(manifest, f, indent=2, ensure_ascii=False)
        f.write('\n')


def main():
    if len(sys.argv) != 4:
        fail('usage: gen-sites.py SITES.json CONTRACT.json EXTENSION_DIR')
    sites_path, contract_path, ext = sys.argv[1:]
    sites = load_json(sites_path)
    check(sites, load_json(contract_path), sites_path)
    table = table_of(sites)
    table['vendor_hosts'] = vendor_hosts(contract_path)
    write_js(table, f'{ext}/shared/site-table.js')
    write_manifest(table, f'{ext}/manifest.json')


if __name__ == '__main__':
    main()
