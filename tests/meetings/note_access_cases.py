"""Access battery cases for session notes, the prep brief and the log of reads (run by
tests/battery/test_pages.py).

The coach writes notes and reads the brief and the log; the client reads shared notes only and
writes none. A private note does not exist for the client: asking for it is a 404.
"""

from __future__ import annotations

from collections.abc import Callable

from headway.meetings.models import NoteKind, SessionNote
from tests.battery.cases import exists, gone, hidden, page
from tests.battery.setups import coached, note, session
from tests.battery.world import Ctx


def _text_is(kind: str, text: str) -> Callable[[Ctx], bool]:
    return lambda c: SessionNote.objects.get(pk=note(kind)(c).pk).text == text


SESSION = (coached, session)
SHARED, PRIVATE = note(NoteKind.SHARED), note(NoteKind.PRIVATE)
COACH_WRITES = hidden(owner=302, client=403)

# fmt: off
NOTE_CASES = [
    page("session_brief", "get", hidden(owner=200, client=403), *SESSION),
    page("session_notes", "get", hidden(owner=200, client=200), *SESSION),
    page("session_notes", "post", COACH_WRITES, *SESSION, data={"text": "Talked about Ana", "kind": NoteKind.SHARED}, changed=exists(SessionNote, session=session)),
    page("session_note", "post", COACH_WRITES, *SESSION, SHARED, label="shared", data={"text": "Edited", "kind": NoteKind.SHARED}, changed=_text_is(NoteKind.SHARED, "Edited")),
    # The client may not even learn that a private note exists.
    page("session_note", "post", hidden(owner=302), *SESSION, PRIVATE, label="private", data={"text": "Edited", "kind": NoteKind.PRIVATE}, changed=_text_is(NoteKind.PRIVATE, "Edited")),
    # The note is made before the first request: look for any note of this kind left.
    page("session_note", "post", hidden(owner=302), *SESSION, PRIVATE, label="delete", data={"action": "delete"}, changed=gone(SessionNote, session=session, kind=NoteKind.PRIVATE)),
    page("notes_audit", "get", hidden(owner=200, client=403), coached),
]
# fmt: on
