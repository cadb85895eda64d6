#!/usr/bin/env python3
"""CI check of Trestle's catalogues (translations/trestle_<lang>.ts).

Runs lupdate on temporary copies of the .ts files over the current sources (core/, ui/, app/),
with the options translations/CMakeLists.txt uses, and fails when
  - an entry is unfinished (a new or changed tr() string nobody translated yet),
  - an entry is obsolete or vanished (the catalogue still holds a string the code dropped),
  - a translation loses or invents a placeholder (%1…%9, %n) or an accelerator (&),
  - two strings of one context that have different accelerators in English share one in the
    translation (Alt+key would hit the wrong control),
  - lrelease reports any unfinished or untranslated string.
The checked-in files are never modified: to bring them up to date run the update_translations
target, then translate.

usage: check_translations.py --lupdate BIN --lrelease BIN --source-dir DIR TS_FILE...
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

LUPDATE_OPTIONS = ["-locations", "none", "-no-obsolete", "-extensions", "cpp,h"]
SOURCE_DIRS = ["core", "ui", "app"]
PLACEHOLDER = re.compile(r"%(?:[1-9][0-9]?|n|L[1-9])")


def accelerator(text):
    """The accelerator key of a label ("&Save" -> "s"), or None; "&&" is a literal ampersand."""
    i = 0
    while i < len(text) - 1:
        if text[i] == "&":
            if text[i + 1] == "&":
                i += 2
                continue
            return text[i + 1].lower()
        i += 1
    return None


def translations_of(message):
    tr = message.find("translation")
    if message.get("numerus") == "yes":
        return [form.text or "" for form in tr.findall("numerusform")]
    return [tr.text or ""]


def check_entries(path):
    problems = []
    counts = {"messages": 0}
    root = ET.parse(path).getroot()
    for context in root.findall("context"):
        name = context.find("name").text
        keys = {}  # translated accelerator -> (english accelerator, source)
        for message in context.findall("message"):
            counts["messages"] += 1
            source = message.find("source").text or ""
            tr = message.find("translation")
            kind = tr.get("type")
            where = "%s: %s [%s]" % (os.path.basename(path), name, source.replace("\n", "\\n")[:80])
            if kind in ("unfinished", "obsolete", "vanished"):
                problems.append("%s entry: %s" % (kind, where))
                continue
            numerus = message.get("numerus") == "yes"
            for text in translations_of(message):
                if not text:
                    problems.append("empty translation: " + where)
                    continue
                want = set(PLACEHOLDER.findall(source))
                have = set(PLACEHOLDER.findall(text))
                if numerus:
                    # "jede Stunde" for n == 1 is fine: a plural form may spell the number out.
                    want.discard("%n")
                    have.discard("%n")
                want, have = sorted(want), sorted(have)
                if want != have:
                    problems.append("placeholders %s became %s: %s" % (want, have, where))
                if (accelerator(source) is None) != (accelerator(text) is None):
                    problems.append("accelerator lost or added (%r): %s" % (text, where))
            if numerus and not any("%n" in text for text in translations_of(message)):
                problems.append("no plural form shows the number (%%n): " + where)
            key = accelerator(translations_of(message)[0])
            english = accelerator(source)
            if key and english:
                if key in keys and keys[key][0] != english:
                    problems.append("accelerator '%s' of %r clashes with %r in %s (%s)"
                                    % (key, translations_of(message)[0], keys[key][1], name,
                                       os.path.basename(path)))
                keys.setdefault(key, (english, translations_of(message)[0]))
    return problems, counts["messages"]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--lupdate", required=True)
    parser.add_argument("--lrelease", required=True)
    parser.add_argument("--source-dir", required=True)
    parser.add_argument("ts_files", nargs="+")
    args = parser.parse_args()

    problems = []
    with tempfile.TemporaryDirectory(prefix="trestle-ts-check-") as tmp:
        for original in args.ts_files:
            copy = os.path.join(tmp, os.path.basename(original))
            shutil.copyfile(original, copy)
            run = subprocess.run([args.lupdate, *LUPDATE_OPTIONS, "-I", args.source_dir, *SOURCE_DIRS,
                                  "-ts", copy], cwd=args.source_dir, capture_output=True, text=True)
            if run.returncode != 0:
                problems.append("lupdate failed on %s:\n%s" % (original, run.stderr))
                continue
            found = re.search(r"Found (\d+) source text\(s\) \((\d+) new and (\d+) already existing\)",
                              run.stdout + run.stderr)
            entry_problems, total = check_entries(copy)
            problems += entry_problems
            qm = os.path.join(tmp, os.path.basename(original)[:-3] + ".qm")
            rel = subprocess.run([args.lrelease, copy, "-qm", qm], capture_output=True, text=True)
            out = rel.stdout + rel.stderr
            generated = re.search(r"Generated (\d+) translation\(s\) \((\d+) finished and (\d+) unfinished\)",
                                  out)
            untranslated = re.search(r"Ignored (\d+) untranslated", out)
            print("%s: %d entries; lupdate: %s; lrelease: %s%s"
                  % (os.path.basename(original), total,
                     "%s new" % found.group(2) if found else "?",
                     "%s finished, %s unfinished" % (generated.group(2), generated.group(3))
                     if generated else "?",
                     "; %s untranslated" % untranslated.group(1) if untranslated else ""))
            if rel.returncode != 0 or not generated:
                problems.append("lrelease failed on %s:\n%s" % (original, out))
            elif generated.group(3) != "0" or untranslated:
                problems.append("lrelease: %s has unfinished or untranslated strings" % original)

    for problem in problems:
        print("FAIL " + problem)
    if problems:
        print("%d problem(s). Run the update_translations target, translate the unfinished entries "
              "(translations/README.md), and run this check again." % len(problems))
        return 1
    print("translations complete")
    return 0


if __name__ == "__main__":
    sys.exit(main())
