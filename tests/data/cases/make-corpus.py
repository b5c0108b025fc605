#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Regenerate the bad-case corpus from good.json.

Each file in bad/ breaks good.json in one way; bad/expected.txt lists, per
file, the SihError code name the loader must report and a piece of the JSON
path (or position) its message must name.  Run it after changing good.json.
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
    case = copy.deepcopy(good)
    change(case)
    raw(name, json.dumps(case, ensure_ascii=False, indent=2) + "\n", code, where)


def set_path(path, value):
    def change(case):
        target = case
        for key in path[:-1]:
            target = target[key]
        target[path[-1]] = value
    return change


def del_path(path):
    def change(case):
        target = case
        for key in path[:-1]:
            target = target[key]
        del target[path[-1]]
    return change


text = json.dumps(good, ensure_ascii=False, indent=2) + "\n"
raw("empty.json", b"", "SYNTAX", "empty")
raw("whitespace.json", b" \n\t\n", "SYNTAX", "empty")
raw("truncated.json", text[: len(text) // 2], "SYNTAX", "line ")
raw("truncated-end.json", text[:-3], "SYNTAX", "line ")
raw("not-json.json", "Case notes: the code never came.\n", "SYNTAX", "line 1")
raw("garbage.json", bytes(range(256)) * 4, "ENCODING", "line 1")
raw("trailing-garbage.json", text + "}\n", "SYNTAX", "line ")
raw("bom.json", b"\xef\xbb\xbf" + text.encode("utf-8"), "ENCODING", "byte-order mark")
raw("nul-byte.json", text.replace("Tried twice.", "Tried \x00 twice."), "ENCODING", "NUL")
raw("invalid-utf8.json", text.replace("Tried twice.", "Tried \udcff twice.").encode("utf-8", "surrogateescape"),
    "ENCODING", "not valid UTF-8")
raw("deep-nesting.json", "{\"format\": 1, \"x\": " + "[" * 100 + "]" * 100 + "}", "TOO_DEEP", "nested deeper")
raw("root-array.json", "[" + text + "]", "NOT_A_CASE", "found an array")
raw("root-string.json", "\"signin-helper-case\"\n", "NOT_A_CASE", "found a single value")

# A content pack is JSON with a format, but not a case.
with open(os.path.join(here, "..", "packs", "good.json"), encoding="utf-8") as f:
    raw("pack.json", f.read(), "NOT_A_CASE", "kind: not a Sign-in Helper case")

mutate("kind-missing.json", del_path(["kind"]), "NOT_A_CASE", "kind: not a Sign-in Helper case")
mutate("kind-other.json", set_path(["kind"], "signin-helper-pack"), "NOT_A_CASE", "kind: not a Sign-in Helper case")
mutate("kind-number.json", set_path(["kind"], 1), "NOT_A_CASE", "kind: not")
mutate("format-3.json", set_path(["format"], 3), "FORMAT", "format: format 3 is newer")
mutate("format-99.json", set_path(["format"], 99), "FORMAT", "format: format 99 is newer")
mutate("format-0.json", set_path(["format"], 0), "FORMAT", "format: format 0 is unknown")
# Format 1 does not know what format 2 added: an older version would drop it.
mutate("format-1-status.json", set_path(["status"], {"state": "open"}), "INVALID_VALUE",
       "status: unknown member")
mutate("format-1-internal.json", set_path(["records", 0, "internal"], True), "INVALID_VALUE",
       "records[0].internal: unknown member")
mutate("format-1-agent.json", set_path(["history", 0, "agent"], "Sato"), "INVALID_VALUE",
       "history[0].agent: unknown member")
mutate("format-string.json", set_path(["format"], "1"), "TYPE", "format: expected a whole number")
mutate("format-missing.json", del_path(["format"]), "MISSING", "format: required")
mutate("unknown-member.json", set_path(["colour"], "red"), "INVALID_VALUE", "colour: unknown member")
mutate("id-missing.json", del_path(["id"]), "MISSING", "id: required")
mutate("id-bad.json", set_path(["id"], "Not An Id"), "INVALID_VALUE", "id: “Not An Id” is not a valid id")
mutate("app-version-number.json", set_path(["app_version"], 1), "TYPE", "app_version: expected a string")
mutate("pack-missing.json", del_path(["pack"]), "MISSING", "pack: required")
mutate("pack-string.json", set_path(["pack"], "test-pack"), "TYPE", "pack: expected an object")
mutate("pack-id-missing.json", del_path(["pack", "id"]), "MISSING", "pack.id: required")
mutate("pack-unknown-member.json", set_path(["pack", "name"], "Test"), "INVALID_VALUE", "pack.name: unknown member")
mutate("pack-version-blank.json", set_path(["pack", "version"], " "), "MISSING", "pack.version: must not be empty")
mutate("created-missing.json", del_path(["created"]), "MISSING", "created: required")
mutate("created-no-offset.json", set_path(["created"], "2026-01-31T09:30:00"), "INVALID_VALUE",
       "created: “2026-01-31T09:30:00” is not a date and time")
mutate("updated-bad.json", set_path(["updated"], "2026-13-45T10:00:00Z"), "INVALID_VALUE", "updated: “2026-13-45")
mutate("updated-date-only.json", set_path(["updated"], "2026-01-31"), "INVALID_VALUE", "updated: ")
mutate("title-blank.json", set_path(["title"], "  "), "MISSING", "title: must not be empty")
mutate("title-number.json", set_path(["title"], 4711), "TYPE", "title: expected a string, found a number")
mutate("solved-string.json", set_path(["solved"], "yes"), "TYPE", "solved: expected true or false")
mutate("cause-bad.json", set_path(["cause"], "First"), "INVALID_VALUE", "cause: “First” is not a valid id")
mutate("records-object.json", set_path(["records"], {}), "TYPE", "records: expected an array")
mutate("record-not-object.json", set_path(["records", 2], "one"), "TYPE", "records[2]: expected an object")
mutate("record-bad-outcome.json", set_path(["records", 3, "outcome"], "maybe"), "INVALID_VALUE",
       "records[3].outcome: expected one of “not-tried”, “worked”, “failed”, “skipped”, found “maybe”")
mutate("record-step-missing.json", del_path(["records", 0, "step"]), "MISSING", "records[0].step: required")
mutate("record-cause-bad.json", set_path(["records", 1, "cause"], "first cause"), "INVALID_VALUE",
       "records[1].cause: “first cause”")
mutate("record-unknown-member.json", set_path(["records", 0, "outcom"], "worked"), "INVALID_VALUE",
       "records[0].outcom: unknown member")
mutate("record-note-blank.json", set_path(["records", 0, "note"], "\n"), "MISSING", "records[0].note: must not be empty")
mutate("record-note-too-long.json", set_path(["records", 0, "note"], "x" * (64 * 1024 + 1)), "TOO_LARGE",
       "records[0].note: the text is 65537 bytes long; at most 65536")
mutate("record-changed-bad.json", set_path(["records", 2, "changed"], "yesterday"), "INVALID_VALUE",
       "records[2].changed: “yesterday”")
mutate("record-duplicate.json", set_path(["records", 2, "cause"], "first"), "DUPLICATE",
       "records[2]: the step “one” of “first” is recorded twice")
mutate("history-object.json", set_path(["history"], {"0": {}}), "TYPE", "history: expected an array")
mutate("history-time-missing.json", del_path(["history", 0, "time"]), "MISSING", "history[0].time: required")
mutate("history-bad-from.json", set_path(["history", 1, "from"], "tried"), "INVALID_VALUE",
       "history[1].from: expected one of")
mutate("history-to-missing.json", del_path(["history", 3, "to"]), "MISSING", "history[3].to: required")
mutate("history-unknown-member.json", set_path(["history", 2, "note"], "n"), "INVALID_VALUE",
       "history[2].note: unknown member")
mutate("details-array.json", set_path(["details"], []), "TYPE", "details: expected an object")
mutate("details-bad-key.json", set_path(["details", "Device Type"], "x"), "INVALID_VALUE",
       "details.Device Type: not a valid detail name")
mutate("details-number.json", set_path(["details", "device-type"], 7), "TYPE",
       "details.device-type: expected a string")
mutate("details-blank.json", set_path(["details", "error-message"], ""), "MISSING",
       "details.error-message: must not be empty")

# Format 2: what a help desk keeps, broken one way at a time.
with open(os.path.join(here, "help-desk.json"), encoding="utf-8") as f:
    good = json.load(f)
mutate("hd-solved.json", set_path(["solved"], True), "INVALID_VALUE", "solved: unknown member")
mutate("hd-status-string.json", set_path(["status"], "open"), "TYPE", "status: expected an object")
mutate("hd-status-state-missing.json", del_path(["status", "state"]), "MISSING", "status.state: required")
mutate("hd-status-bad-state.json", set_path(["status", "state"], "closed"), "INVALID_VALUE",
       "status.state: expected one of “open”, “waiting”, “escalated”, “call-back”, “solved”, found “closed”")
mutate("hd-status-unknown-member.json", set_path(["status", "who"], "me"), "INVALID_VALUE",
       "status.who: unknown member")
mutate("hd-status-reason-blank.json", set_path(["status", "reason"], " "), "MISSING",
       "status.reason: must not be empty")
mutate("hd-status-call-back-bad.json", set_path(["status", "call_back"], "tonight"), "INVALID_VALUE",
       "status.call_back: “tonight”")
mutate("hd-status-route-not-escalated.json", set_path(["status", "route"], "phone"), "INVALID_VALUE",
       "status.route: only an escalated case names a route")
mutate("hd-status-route-bad.json",
       set_path(["status"], {"state": "escalated", "route": "Phone Line"}), "INVALID_VALUE",
       "status.route: “Phone Line” is not a valid id")
mutate("hd-status-time-not-call-back.json",
       set_path(["status"], {"state": "waiting", "call_back": "2026-01-31T18:30:00+09:00"}),
       "INVALID_VALUE", "status.call_back: only a case to call back")
mutate("hd-ticket-number.json", set_path(["ticket"], 4711), "TYPE", "ticket: expected a string")
mutate("hd-caller-string.json", set_path(["caller"], "Tanaka"), "TYPE", "caller: expected an object")
mutate("hd-caller-unknown-member.json", set_path(["caller", "phone"], "090"), "INVALID_VALUE",
       "caller.phone: unknown member")
mutate("hd-caller-name-blank.json", set_path(["caller", "name"], ""), "MISSING",
       "caller.name: must not be empty")
mutate("hd-calls-object.json", set_path(["calls"], {}), "TYPE", "calls: expected an array")
mutate("hd-call-start-missing.json", del_path(["calls", 0, "start"]), "MISSING", "calls[0].start: required")
mutate("hd-call-end-bad.json", set_path(["calls", 0, "end"], "later"), "INVALID_VALUE", "calls[0].end: “later”")
mutate("hd-call-end-before-start.json", set_path(["calls", 0, "end"], "2026-01-31T09:00:00+09:00"),
       "INVALID_VALUE", "calls[0].end: the call ends before it starts")
mutate("hd-call-after-running.json", del_path(["calls", 0, "end"]), "INVALID_VALUE",
       "calls[1]: a call follows one that has not ended")
mutate("hd-call-agent-number.json", set_path(["calls", 1, "agent"], 7), "TYPE",
       "calls[1].agent: expected a string")
mutate("hd-call-unknown-member.json", set_path(["calls", 0, "duration"], 750), "INVALID_VALUE",
       "calls[0].duration: unknown member")
mutate("hd-record-internal-string.json", set_path(["records", 0, "internal"], "yes"), "TYPE",
       "records[0].internal: expected true or false")
mutate("hd-history-bad-change.json", set_path(["history", 1, "change"], "title"), "INVALID_VALUE",
       "history[1].change: expected one of “outcome”, “note”, “status”, found “title”")
mutate("hd-history-note-with-from.json", set_path(["history", 1, "from"], "open"), "INVALID_VALUE",
       "history[1].from: unknown member")
mutate("hd-history-status-with-step.json", set_path(["history", 3, "step"], "one"), "INVALID_VALUE",
       "history[3].step: unknown member")
mutate("hd-history-status-bad-to.json", set_path(["history", 4, "to"], "worked"), "INVALID_VALUE",
       "history[4].to: expected one of “open”")
mutate("hd-history-status-to-missing.json", del_path(["history", 3, "to"]), "MISSING",
       "history[3].to: required")
mutate("hd-history-route-not-escalated.json", set_path(["history", 4, "route"], "customer-service"),
       "INVALID_VALUE", "history[4].route: only an escalated case names a route")
mutate("hd-history-time-not-call-back.json", set_path(["history", 3, "call_back"], "2026-01-31T18:30:00+09:00"),
       "INVALID_VALUE", "history[3].call_back: only a case to call back")
mutate("hd-history-reason-on-note.json", set_path(["history", 1, "reason"], "typo"), "INVALID_VALUE",
       "history[1].reason: unknown member")
mutate("hd-history-agent-blank.json", set_path(["history", 0, "agent"], " "), "MISSING",
       "history[0].agent: must not be empty")
mutate("hd-history-note-step-missing.json", del_path(["history", 1, "step"]), "MISSING",
       "history[1].step: required")

bad = os.path.join(here, "bad")
for name in os.listdir(bad):
    os.unlink(os.path.join(bad, name))
with open(os.path.join(bad, "expected.txt"), "w", encoding="utf-8") as index:
    index.write("# file<TAB>SihError code<TAB>text the message must contain (generated by make-corpus.py)\n")
    for name, data, code, where in cases:
        with open(os.path.join(bad, name), "wb") as f:
            f.write(data)
        index.write(f"{name}\t{code}\t{where}\n")
