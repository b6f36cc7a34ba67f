#!/usr/bin/env python3
"""Makes data/gazetteer.json from CLDR (through the pinned `babel` package)
and the hand-written scripts/gazetteer/hand.json.

    python3 scripts/gazetteer/make_gazetteer.py          # writes data/gazetteer.json
    python3 scripts/gazetteer/make_gazetteer.py --check  # fails if the file is stale

Run with any Python 3.9+: the script makes its own virtual environment under
target/gazetteer-venv (never committed), installs requirements.txt there and
runs itself again inside it. The output is deterministic: the same pinned
babel and the same hand.json give the same bytes.
"""

import json
import os
import re
import subprocess
import sys
import unicodedata
import venv

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
VENV = os.path.join(ROOT, "target", "gazetteer-venv")
OUTPUT = os.path.join(ROOT, "data", "gazetteer.json")
# The Unicode License v3 asks its notice to go with every copy of the data.
LICENCE = os.path.join(ROOT, "data", "LICENSE-UNICODE.txt")


def in_own_venv():
    return os.path.realpath(sys.prefix) == os.path.realpath(VENV)


def reexec_in_venv():
    python = os.path.join(VENV, "bin", "python")
    if not os.path.exists(python):
        venv.create(VENV, with_pip=True)
    requirements = os.path.join(HERE, "requirements.txt")
    subprocess.run(
        [python, "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "-r", requirements],
        check=True,
    )
    os.execv(python, [python, os.path.abspath(__file__), *sys.argv[1:]])


# The harakat, shadda, sukun and dagger alef, and tatweel: what tanaqud's fold drops.
HARAKAT = re.compile("[\u064b-\u065f\u0670\u0640]")


def fold(text):
    """tanaqud's matching key (src/text/fold.rs), as far as Arabic names need it."""
    text = HARAKAT.sub("", unicodedata.normalize("NFC", text))
    for source, target in (("أ", "ا"), ("إ", "ا"), ("آ", "ا"), ("ٱ", "ا"), ("ى", "ي"), ("ة", "ه")):
        text = text.replace(source, target)
    return " ".join(text.split())


def nisba(name):
    """The definite masculine and feminine adjectives of relation of a one-word
    country name, by the regular rule: سوريا → السوري، السورية; كندا → الكندي;
    مصر → المصري. None where the rule has nothing to say (several words, a
    name ending in ي ة و ى)."""
    name = HARAKAT.sub("", name)
    if not re.fullmatch("[\u0621-\u064a]+", name):
        return None
    base = name[2:] if name.startswith("ال") else name
    if base.endswith("يا"):
        stem = base[:-1]
    elif base.endswith("ا"):
        stem = base[:-1] + "ي"
    elif base[-1] in "يةوى":
        return None
    else:
        stem = base + "ي"
    return ["ال" + stem, "ال" + stem + "ة"]


def slug(text):
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower().replace("&", "and")
    return re.sub("[^a-z0-9]+", "-", text).strip("-")


class Problems(list):
    def fail_if_any(self):
        if self:
            sys.exit("make_gazetteer: " + "\n  ".join(["problems in hand.json or CLDR:", *self]))


def unique_by_fold(words):
    seen, kept = set(), []
    for word in words:
        key = fold(word)
        if key and key not in seen:
            seen.add(key)
            kept.append(word)
    return kept


def build():
    import babel
    from babel import Locale
    from babel.core import get_cldr_version, get_global

    hand = json.load(open(os.path.join(HERE, "hand.json"), encoding="utf-8"))
    arabic, english = Locale("ar"), Locale("en")
    zone_territory = get_global("zone_territories")
    problems = Problems()
    codes = sorted(code for code in arabic.territories if re.fullmatch("[A-Z]{2}", code))
    for code in [*hand["skip"], *hand["states"]]:
        if code not in codes:
            problems.append(f"{code}: no such CLDR territory")

    states, state_id, counts = [], {}, {"rule": 0, "hand": 0, "dropped": 0, "none": 0}
    for code in codes:
        if code in hand["skip"]:
            continue
        own = hand["states"].get(code, {})
        name = arabic.territories[code]
        if "replace" in own:
            aliases = list(own["replace"])
        elif "(" in name or " - " in name:
            problems.append(f"{code}: CLDR name «{name}» needs a `replace` list")
            continue
        else:
            aliases = [name]
        aliases = [a for a in aliases + own.get("aliases", []) if a not in own.get("drop", {})]
        by_rule = nisba(name)
        wanted = own.get("adjectives")
        if wanted == "rule":
            if by_rule is None:
                problems.append(f"{code}: `rule` but the rule gives nothing for «{name}»")
                continue
            adjectives = by_rule
            counts["rule"] += 1
        elif isinstance(wanted, list):
            adjectives = wanted
            counts["hand"] += 1
        else:
            # The rule's forms for a name nobody checked are not shipped.
            adjectives = []
            counts["dropped" if by_rule else "none"] += 1
        entity = {
            "id": own.get("id", slug(english.territories[code])),
            "label": english.territories[code],
            "kind": "state",
            "aliases": aliases,
        }
        if adjectives:
            entity["adjectives"] = adjectives
        entity["note"] = " ".join(filter(None, [f"ISO 3166-1 {code}.", own.get("note")]))
        state_id[code] = entity["id"]
        states.append(entity)

    def reference(name):
        return state_id.get(name, name)

    parent = {own["id"]: own.get("within") for own in hand["places"]}

    def state_of(place):
        """The code of the state a hand place is in, through places within places."""
        seen = set()
        while place is not None and place not in state_id and place not in seen:
            seen.add(place)
            place = parent.get(place)
        return place if place in state_id else None

    places, capitals = [], {}
    for own in hand["places"]:
        aliases, country = [], state_of(own.get("within"))
        if "zone" in own:
            zone = own["zone"]
            city = arabic.time_zones.get(zone, {}).get("city")
            if city is None:
                problems.append(f"{own['id']}: CLDR has no Arabic exemplar city for {zone}")
            else:
                aliases.append(city)
            if country is not None and zone_territory.get(zone) != country:
                problems.append(f"{own['id']}: {zone} is in {zone_territory.get(zone)}, not {country}")
        aliases = unique_by_fold(aliases + own.get("aliases", []))
        entity = {"id": own["id"], "label": own["label"], "kind": "place", "aliases": aliases}
        if "within" in own:
            entity["within"] = [reference(own["within"])]
        if "note" in own:
            entity["note"] = own["note"]
        if own.get("capital"):
            if country is None:
                problems.append(f"{own['id']}: a capital must be within a state")
            capitals.setdefault(country, []).append(entity)
        places.append(entity)

    # A capital's name is its state's in news (أعلنت موسكو): each is an alias of both.
    for state in states:
        code = next(c for c, i in state_id.items() if i == state["id"])
        for capital in capitals.get(code, []):
            state["aliases"] = unique_by_fold(state["aliases"] + capital["aliases"])
            state["note"] += f" Its capital's name ({capital['label']}) stands for it, as in news."
        state["aliases"] = unique_by_fold(state["aliases"])

    actors = []
    for own in hand["actors"]:
        entity = {key: own[key] for key in ("id", "label", "kind", "aliases", "adjectives") if key in own}
        if "counts_as" in own:
            entity["counts_as"] = reference(own["counts_as"])
        if "note" in own:
            entity["note"] = own["note"]
        actors.append(entity)

    entities = sorted(states, key=lambda e: e["id"]) + sorted(places, key=lambda e: e["id"]) + sorted(actors, key=lambda e: e["id"])
    ids = [e["id"] for e in entities]
    for duplicate in sorted({i for i in ids if ids.count(i) > 1}):
        problems.append(f"id `{duplicate}` is given twice")
    for i in ids:
        if not re.fullmatch("[a-z0-9-]+", i):
            problems.append(f"id `{i}` is not lower-case ASCII, digits and -")
    problems.fail_if_any()

    comment = (
        "tanaqud gazetteer: states and territories, capitals and major cities, seas, and the named "
        "institutions and international organisations of Arabic news, in the entity format of "
        "vocabulary.json (no predicates). Generated by scripts/gazetteer/make_gazetteer.py: do not edit "
        "by hand, edit scripts/gazetteer/hand.json and run it again. "
        f"Territory names and exemplar-city names from Unicode CLDR {get_cldr_version()} "
        f"(through babel {babel.__version__}), under the Unicode License v3 "
        "(data/LICENSE-UNICODE.txt); every other alias, every adjective list marked by hand, "
        "the choice of rule-made adjectives, the cities not in CLDR and all institutions are the tanaqud "
        "project's own. See data/README.md."
    )
    summary = {
        "states": len(states),
        "places": len(places),
        "actors": len(actors),
        "adjectives by rule (checked)": counts["rule"],
        "adjectives by hand": counts["hand"],
        "rule forms dropped (unchecked)": counts["dropped"],
        "no adjective": counts["none"],
    }
    return comment, entities, summary


def render(comment, entities):
    line = lambda value: json.dumps(value, ensure_ascii=False, separators=(", ", ": "))
    body = ",\n    ".join(line(e) for e in entities)
    return f'{{\n  "$comment": {line(comment)},\n  "entities": [\n    {body}\n  ],\n  "predicates": []\n}}\n'


def main():
    if not in_own_venv():
        reexec_in_venv()
    import babel

    comment, entities, summary = build()
    text = render(comment, entities)
    licence_path = os.path.join(os.path.dirname(babel.__file__), "locale-data", "LICENSE.unicode")
    licence = open(licence_path, encoding="utf-8").read()
    outputs = {OUTPUT: text, LICENCE: licence}
    if "--check" in sys.argv[1:]:
        for path, wanted in outputs.items():
            current = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
            if current != wanted:
                sys.exit(f"{os.path.relpath(path, ROOT)} is not what make_gazetteer.py makes: run it again")
        print("data/gazetteer.json and data/LICENSE-UNICODE.txt are up to date", file=sys.stderr)
        return
    for path, wanted in outputs.items():
        with open(path, "w", encoding="utf-8", newline="\n") as out:
            out.write(wanted)
    for key, value in summary.items():
        print(f"{key}: {value}", file=sys.stderr)
    print(f"bytes: {len(text.encode('utf-8'))}", file=sys.stderr)


if __name__ == "__main__":
    main()
