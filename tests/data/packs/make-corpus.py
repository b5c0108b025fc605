#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerate the bad-pack corpus from good.json.

Each bad pack breaks good.json in one way; expected.txt lists, per file, the
SihError code name the loader must report and a piece of the JSON path (or
position) its message must name.  Run it after changing good.json.
"""

import copy
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "good.json"), encoding="utf-8") as f:
    good = json.load(f)

cases = []


def raw(name, data, code, where):
    cases.append((name, data if isinstance(data, bytes) else data.encode("utf-8"), code, where))


def mutate(name, change, code, where):
    pack = copy.deepcopy(good)
    change(pack)
    raw(name, json.dumps(pack, ensure_ascii=False, indent=2), code, where)


text = json.dumps(good, ensure_ascii=False, indent=2)
raw("empty.json", b"", "SYNTAX", "empty")
raw("whitespace.json", b"  \n\t\n", "SYNTAX", "empty")
raw("truncated.json", text[: len(text) // 2], "SYNTAX", "line ")
raw("not-json.json", "This is not JSON at all.\n", "SYNTAX", "line 1")
raw("trailing-garbage.json", text + "\n}\n", "SYNTAX", "line ")
raw("root-array.json", "[]\n", "TYPE", "expected an object")
raw("bom.json", b"\xef\xbb\xbf" + text.encode("utf-8"), "ENCODING", "byte-order mark")
raw("invalid-utf8.json", text.replace("First cause", "First \udcff cause").encode("utf-8", "surrogateescape"),
    "ENCODING", "line 12, column 23")
raw("nul-byte.json", text.replace("First cause", "First \x00 cause"), "ENCODING", "NUL")
raw("deep-nesting.json", "[" * 200 + "]" * 200, "TOO_DEEP", "line 1, column 33")


def set_path(path, value):
    def change(pack):
        target = pack
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def del_path(path):
    def change(pack):
        target = pack
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


mutate("format-2.json", set_path(["format"], 2), "FORMAT", "format: format 2")
mutate("format-string.json", set_path(["format"], "1"), "TYPE", "format: expected a whole number")
mutate("format-missing.json", del_path(["format"]), "MISSING", "format: required")
mutate("title-missing.json", del_path(["title"]), "MISSING", ": title: required")
mutate("title-blank.json", set_path(["title"], "   "), "MISSING", ": title: must not be empty")
mutate("title-number.json", set_path(["title"], 5), "TYPE", ": title: expected a string")
mutate("updated-bad.json", set_path(["updated"], "2026-13-45"), "INVALID_VALUE", "updated")
mutate("unknown-member.json", set_path(["causes", 0, "setps"], []), "INVALID_VALUE", "causes[0].setps")
mutate("causes-not-array.json", set_path(["causes"], {}), "TYPE", "causes: expected an array")
mutate("causes-empty.json", set_path(["causes"], []), "MISSING", "causes: must not be empty")
mutate("cause-not-object.json", set_path(["causes", 1], "second"), "TYPE", "causes[1]: expected an object")
mutate("cause-bad-id.json", set_path(["causes", 0, "id"], "First Cause"), "INVALID_VALUE", "causes[0].id")
mutate("cause-bad-urgency.json", set_path(["causes", 0, "urgency"], "urgent"), "INVALID_VALUE", "causes[0].urgency")
mutate("cause-bad-icon.json", set_path(["causes", 0, "icon"], "dialog-password"), "INVALID_VALUE", "causes[0].icon")
mutate("cause-no-steps.json", set_path(["causes", 1, "steps"], []), "MISSING", "causes[1].steps")
mutate("symptom-number.json", set_path(["causes", 0, "symptoms", 1], 42), "TYPE", "causes[0].symptoms[1]")
mutate("error-messages-object.json", set_path(["causes", 0, "error_messages"], {}), "TYPE", "causes[0].error_messages")
mutate("step-kind-bad.json", set_path(["causes", 1, "steps", 2, "kind"], "fix"), "INVALID_VALUE", "causes[1].steps[2].kind")
mutate("step-kind-number.json", set_path(["causes", 1, "steps", 2, "kind"], 3), "TYPE", "causes[1].steps[2].kind")
mutate("step-detail-missing.json", del_path(["causes", 1, "steps", 0, "detail"]), "MISSING", "causes[1].steps[0].detail")
SAY = ["causes", 0, "steps", 1, "say"]
mutate("step-say-blank.json", set_path(SAY, "  "), "MISSING", "causes[0].steps[1].say: must not be empty")
mutate("step-say-number.json", set_path(SAY, 7), "TYPE", "causes[0].steps[1].say: expected a string")
mutate("step-say-too-long.json", set_path(SAY, "x" * (16 * 1024 + 1)), "TOO_LARGE",
       "causes[0].steps[1].say: the text is 16385 bytes long")
mutate("duplicate-cause.json", set_path(["causes", 1, "id"], good["causes"][0]["id"]), "DUPLICATE", "causes[1].id")
mutate("duplicate-step.json", set_path(["causes", 0, "steps", 1, "id"], good["causes"][0]["steps"][0]["id"]),
       "DUPLICATE", "causes[0].steps[1].id")
mutate("related-dangling.json", set_path(["causes", 0, "related"], ["no-such-cause"]), "REFERENCE",
       "causes[0].related[0]")
mutate("related-self.json", set_path(["causes", 0, "related"], [good["causes"][0]["id"]]), "REFERENCE",
       "causes[0].related[0]")
link = ["causes", 0, "steps", 0, "links", 0, "uri"]
mutate("link-http.json", set_path(link, "http://www.amazon.co.jp/"), "LINK", "causes[0].steps[0].links[0].uri")
mutate("link-lookalike-suffix.json", set_path(link, "https://amazon.co.jp.evil.example/"), "LINK",
       "causes[0].steps[0].links[0].uri")
mutate("link-lookalike-prefix.json", set_path(link, "https://evil-amazon.co.jp/"), "LINK",
       "causes[0].steps[0].links[0].uri")
mutate("link-userinfo.json", set_path(link, "https://amazon.co.jp@evil.example/"), "LINK",
       "causes[0].steps[0].links[0].uri")
mutate("link-missing-label.json", del_path(["causes", 0, "steps", 0, "links", 0, "label"]), "MISSING",
       "causes[0].steps[0].links[0].label")
mutate("contact-missing.json", del_path(["contact"]), "MISSING", "contact: required")
mutate("contact-route-link.json", set_path(["contact", "routes", 0, "links", 0, "uri"], "https://example.com/help"),
       "LINK", "contact.routes[0].links[0].uri")
mutate("contact-prepare-duplicate.json",
       set_path(["contact", "prepare", 1, "id"], good["contact"]["prepare"][0]["id"]), "DUPLICATE",
       "contact.prepare[1]")

# A valid triage for good.json; each case below breaks it in one way.
TRIAGE = {
    "start": "q1",
    "questions": [
        {"id": "q1", "text": "First question?", "hint": "A hint.",
         "answers": [{"id": "yes", "label": "Yes", "next": "q2"},
                     {"id": "no", "label": "No", "cause": "second"}]},
        {"id": "q2", "text": "Second question?",
         "answers": [{"id": "a", "label": "A", "cause": "first"},
                     {"id": "b", "label": "B", "next": "q3"}]},
        {"id": "q3", "text": "Third question?",
         "answers": [{"id": "x", "label": "X", "cause": "first"},
                     {"id": "y", "label": "Y", "cause": "second"}]},
    ],
}


def triage(change):
    def add(pack):
        pack["triage"] = copy.deepcopy(TRIAGE)
        change(pack)
    return add


mutate("triage-start-missing.json", triage(del_path(["triage", "start"])), "MISSING", "triage.start: required")
mutate("triage-start-dangling.json", triage(set_path(["triage", "start"], "q9")), "REFERENCE",
       "triage.start: there is no question “q9”")
mutate("triage-next-dangling.json", triage(set_path(["triage", "questions", 1, "answers", 1, "next"], "q9")),
       "REFERENCE", "triage.questions[1].answers[1].next: there is no question “q9”")
mutate("triage-cause-dangling.json", triage(set_path(["triage", "questions", 2, "answers", 0, "cause"], "third")),
       "REFERENCE", "triage.questions[2].answers[0].cause: there is no cause “third”")
mutate("triage-cycle.json",
       triage(set_path(["triage", "questions", 2, "answers", 1], {"id": "y", "label": "Y", "next": "q1"})),
       "INVALID_VALUE", "triage.questions[2].answers[1].next: leads back to the question “q1”")
mutate("triage-self-loop.json",
       triage(set_path(["triage", "questions", 1, "answers", 0], {"id": "a", "label": "A", "next": "q2"})),
       "INVALID_VALUE", "triage.questions[1].answers[0].next: leads back to the question “q2”")
mutate("triage-unreachable.json",
       triage(set_path(["triage", "questions", 0, "answers", 0], {"id": "yes", "label": "Yes", "next": "q3"})),
       "INVALID_VALUE", "triage.questions[1]: the question “q2” cannot be reached")
mutate("triage-next-and-cause.json",
       triage(set_path(["triage", "questions", 0, "answers", 1, "next"], "q2")),
       "INVALID_VALUE", "triage.questions[0].answers[1]: has both “next” and “cause”")
mutate("triage-no-next-or-cause.json", triage(del_path(["triage", "questions", 0, "answers", 1, "cause"])),
       "MISSING", "triage.questions[0].answers[1]: expected “next”")
mutate("triage-duplicate-question.json", triage(set_path(["triage", "questions", 2, "id"], "q2")),
       "DUPLICATE", "triage.questions[2].id: the question id “q2” is used twice")
mutate("triage-duplicate-answer.json", triage(set_path(["triage", "questions", 0, "answers", 1, "id"], "yes")),
       "DUPLICATE", "triage.questions[0].answers[1].id")
mutate("triage-no-answers.json", triage(set_path(["triage", "questions", 2, "answers"], [])),
       "MISSING", "triage.questions[2].answers: must not be empty")
mutate("triage-long-question-id.json", triage(set_path(["triage", "questions", 2, "id"], "q" * 60)),
       "INVALID_VALUE", "triage.questions[2].id")
mutate("triage-unknown-member.json", triage(set_path(["triage", "questions", 0, "help"], "Hm")),
       "INVALID_VALUE", "triage.questions[0].help")

DETAILS = ["triage", "questions", 0, "answers", 0, "details"]
mutate("triage-details-unknown-detail.json", triage(set_path(DETAILS, [{"detail": "since", "is": "x"}])),
       "INVALID_VALUE", "triage.questions[0].answers[0].details[0].detail: expected one of “device-type”")
mutate("triage-details-unknown-value.json", triage(set_path(DETAILS, [{"detail": "changes", "is": "new-car"}])),
       "INVALID_VALUE", "triage.questions[0].answers[0].details[0].is: expected one of “new-phone”")
mutate("triage-details-is-and-not.json",
       triage(set_path(DETAILS, [{"detail": "changes", "is": "new-phone", "not": "new-email"}])),
       "INVALID_VALUE", "triage.questions[0].answers[0].details[0]: expected one of “is”")
mutate("triage-details-neither.json", triage(set_path(DETAILS, [{"detail": "changes"}])),
       "MISSING", "triage.questions[0].answers[0].details[0]: expected one of “is”")
mutate("triage-details-conflict.json",
       triage(set_path(DETAILS, [{"detail": "changes", "is": "new-phone"}, {"detail": "changes", "not": "new-phone"}])),
       "INVALID_VALUE", "triage.questions[0].answers[0].details[1].not: this answer already says otherwise")
mutate("triage-details-two-places.json",
       triage(set_path(DETAILS, [{"detail": "where", "is": "website"}, {"detail": "where", "is": "business"}])),
       "INVALID_VALUE", "triage.questions[0].answers[0].details[1].is: this answer already says otherwise")
mutate("triage-details-unknown-member.json",
       triage(set_path(DETAILS, [{"detail": "changes", "is": "new-phone", "why": "x"}])),
       "INVALID_VALUE", "triage.questions[0].answers[0].details[0].why")


for name in os.listdir(os.path.join(here, "bad")):
    os.unlink(os.path.join(here, "bad", name))
with open(os.path.join(here, "bad", "expected.txt"), "w", encoding="utf-8") as index:
    index.write("# file<TAB>SihError code<TAB>text the message must contain (generated by make-corpus.py)\n")
    for name, data, code, where in cases:
        with open(os.path.join(here, "bad", name), "wb") as f:
            f.write(data)
        index.write(f"{name}\t{code}\t{where}\n")
