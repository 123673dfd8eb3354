"""Starting text for a practice's coaching agreement; every practice edits its own."""

AGREEMENT_TERMS = """\
Coaching is a partnership. You are the expert on your own life and career; your coach's role is to ask, listen, reflect and help you think, not to decide for you or tell you what to do.

Together we agree on the number and length of sessions, how we meet and how to reschedule (at least 24 hours' notice, please). Between sessions you choose what to work on; Headway keeps your answers, plans and progress in one place.

Coaching is not therapy, financial, legal or medical advice. If something comes up that another professional is better placed to help with, your coach will say so and may suggest where to look.

Either of us may end the engagement at any time by telling the other. You can export or erase your data at any time."""

AGREEMENT_CONFIDENTIALITY = """\
What you share in coaching stays between you and your coach. Your answers and journal entries are visible to your coach only; your coach's private notes are theirs, and shared notes are visible to you both. Nothing is shared with an employer, a sponsor or anyone else without your explicit consent, and you can see and withdraw each consent you give."""

AGREEMENT_EXCEPTIONS = """\
If there is a serious risk of harm to you or to someone else.
If the law requires disclosure (for example a court order).
If you disclose a serious crime that the law obliges a coach to report.
Anonymous discussion with a supervisor for the coach's professional development, without anything that identifies you."""
