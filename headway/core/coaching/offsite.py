"""The Career Offsite Model: a recurring offsite, self-discovery first and goals second.

Pure data, in Headway's own words: open questions for the client to answer.
"""

from __future__ import annotations

from headway.core.coaching.spec import ModelSpec, StageSpec, questions

# ---------------------------------------------------------------------------
# Career Offsite Model
# ---------------------------------------------------------------------------

_COM_RAPPORT = StageSpec(
    key="rapport",
    name="Establish rapport",
    purpose=(
        "We begin by getting to know each other and agreeing how the offsites "
        "will work: how often, how long and how much facilitation you want. If "
        "you are working on your own, this is the moment to make the same "
        "commitments to yourself."
    ),
    questions=questions(
        ("what-brings-you", "What draws you to the idea of a regular career offsite?"),
        (
            "hoped-for-gain",
            "What do you hope to gain from stepping back from your work every few months?",
        ),
        (
            "past-reflection",
            "How have you reflected on your career in the past, and what came of it?",
        ),
        (
            "realistic-rhythm",
            "Which rhythm feels realistic for you: every three months, or something else?",
        ),
        ("facilitation", "How much structure and facilitation do you want during an offsite?"),
        (
            "protecting-time",
            "What usually stops you from protecting time for yourself, and how will you handle it this time?",
        ),
        ("being-honest", "What helps you be honest with yourself about your work?"),
        (
            "feeling-safe",
            "What do you need in order to feel safe sharing the full picture of your working life?",
        ),
        (
            "who-to-tell",
            "Who else, such as a partner, manager or mentor, would you like to know about these offsites?",
        ),
        ("worth-it", "How will you know a year from now that these offsites were worth the time?"),
        (
            "thinking-style",
            "How do you like to think things through: writing, talking, walking or something else?",
        ),
    ),
    tools=("coach_profile", "agreement", "intake"),
    exit_checklist=(
        "We have agreed how often offsites happen and how long each one lasts.",
        "We have agreed whether offsites are self-guided or facilitated.",
        "You know what stays confidential and the exceptions to that.",
        "You have completed the intake.",
    ),
)

_COM_CURRENT_STATE = StageSpec(
    key="current-state",
    name="Identify the current career state",
    purpose=(
        "Before the first offsite, we take stock of where you are now. A clear, "
        "honest snapshot of your role, your satisfaction and your energy gives "
        "each offsite a starting point and lets you see change over time."
    ),
    questions=questions(
        (
            "role-snapshot",
            "How would you describe your current role to a friend in a few sentences?",
        ),
        ("energy-givers", "Which parts of your work give you energy?"),
        (
            "energy-drains",
            "Which parts of your work drain you, and how much of your week do they take up?",
        ),
        (
            "satisfaction-score",
            "How satisfied are you with your career right now, from 1 to 10, and what explains that number?",
        ),
        (
            "changed-since",
            "What has changed in your work or life since you last paused to reflect?",
        ),
        ("on-your-mind", "What about your career has been on your mind lately?"),
        ("growing-or-stuck", "Where are you growing at the moment, and where do you feel stuck?"),
        ("relationships", "Which working relationships help you thrive, and which hold you back?"),
        ("fit-with-life", "How well does your work fit with the rest of your life right now?"),
        (
            "reluctant-to-admit",
            "What have you been reluctant to admit to yourself about your work?",
        ),
        (
            "who-is-steering",
            "In what way has your career been steered by you, and in what way by circumstance?",
        ),
        (
            "one-change",
            "If you could change one thing about your working life tomorrow, what would it be?",
        ),
    ),
    tools=("intake", "energy_journal"),
    exit_checklist=(
        "You have completed the intake snapshot.",
        "You have recorded your first entries in the energy journal.",
        "You have rated your current satisfaction and noted why.",
    ),
)

_COM_OFFSITE = StageSpec(
    key="offsite",
    name="The career offsite",
    purpose=(
        "The offsite is protected time away from the everyday to look at your "
        "career from a distance. By default, every three months you take three "
        "hours to find three things to focus on for the next three months, "
        "exploring who you are and what you want first and setting goals only "
        "after that. You can run it on your own or with your coach facilitating."
    ),
    questions=questions(
        (
            "where-and-when",
            "Where and when will you hold this offsite so that nothing interrupts you?",
        ),
        (
            "since-last-offsite",
            "What has happened in your work since your last offsite, or over the past three months?",
        ),
        (
            "energy-patterns",
            "What patterns do you see in your energy journal, and what do they tell you?",
        ),
        (
            "values-lived",
            "Which of your top values did you live out in the past three months, and which did you neglect?",
        ),
        ("proudest", "What are you proudest of from the past three months?"),
        ("disappointments", "What disappointed you, and what did it teach you?"),
        ("curious-about", "What are you curious about right now that you have not made time for?"),
        (
            "who-you-are-becoming",
            "Who are you becoming in your work, and how do you feel about that?",
        ),
        ("more-and-less", "What do you want more of, and less of, in the next three months?"),
        ("three-things", "What three things would make the next three months feel well spent?"),
        (
            "why-these-three",
            "How does each of those three things connect with what you discovered about yourself today?",
        ),
        (
            "first-moves",
            "What is the first move on each of the three things, and when will you make it?",
        ),
        (
            "making-room",
            "What will you stop or say no to in order to make room for these three things?",
        ),
    ),
    tools=("offsite", "values_sort", "energy_journal", "smart_goals"),
    exit_checklist=(
        "You have protected the offsite time, three hours by default.",
        "You have reflected on your values and energy before setting any goals.",
        "You have chosen three things to focus on for the next three months.",
        "You have turned each of the three things into a SMART goal.",
        "You have set the date of your next offsite.",
    ),
)

_COM_RESOURCES = StageSpec(
    key="resources",
    name="Resources and next steps",
    purpose=(
        "An offsite often raises questions you cannot answer on the spot. This "
        "stage gathers the reading, exercises, people and links that will help "
        "with your three things, and turns them into concrete next steps."
    ),
    questions=questions(
        ("what-to-learn", "What do you need to learn to make progress on your three things?"),
        (
            "how-you-learn",
            "How do you learn best: reading, listening, doing, or talking with others?",
        ),
        ("who-knows", "Who already knows what you need to know, and how could you reach them?"),
        (
            "go-deeper",
            "Which exercise or reflection from the offsite would you like to explore further?",
        ),
        (
            "time-budget",
            "How much time each week can you give to these resources without overloading yourself?",
        ),
        ("nice-to-have", "Which resources would be nice to have but are not essential right now?"),
        ("first-resource", "What is the first resource you will use, and when?"),
        ("what-might-stop-you", "What might stop you from using what you have gathered?"),
        ("sharing", "Who could you share what you learn with, to help it stick?"),
        ("this-week", "What next steps can you take this week?"),
        ("was-it-useful", "How will you know a resource has been useful?"),
        ("missing-support", "Where do you feel you are missing support or information?"),
    ),
    tools=("resources", "action_plan"),
    exit_checklist=(
        "You have a short list of resources linked to your three things.",
        "You have added dated next steps to your action plan.",
        "You have chosen the first resource to start with.",
    ),
)

_COM_ACCOUNTABILITY = StageSpec(
    key="accountability",
    name="Action and accountability",
    purpose=(
        "Between offsites, steady follow-through is what turns good intentions "
        "into change. Short check-ins keep your three things visible, help you "
        "notice what is getting in the way, and let you adjust before the next "
        "offsite comes around."
    ),
    questions=questions(
        (
            "progress",
            "What progress have you made on each of your three things since the last check-in?",
        ),
        ("where-stuck", "Where are you stuck, and what is keeping you there?"),
        ("energy", "How has your energy been, and what has influenced it?"),
        (
            "still-matter",
            "Which of your three things still matter as much as they did at the offsite?",
        ),
        ("adjustments", "What needs to change in your plan given what you know now?"),
        ("next-step", "What is your next step, and when will you take it?"),
        ("support", "What support would help you between now and the next check-in?"),
        ("wins", "What wins, large or small, have you had since the last check-in?"),
        ("putting-off", "What have you been putting off, and what is behind that?"),
        ("for-next-offsite", "What have you learned that you want to bring to your next offsite?"),
        (
            "commitment-score",
            "How committed are you to your next step, from 1 to 10, and what would raise that number?",
        ),
        ("next-offsite", "When is your next offsite, and what do you want to explore there?"),
    ),
    tools=("check_ins", "sessions", "action_plan"),
    exit_checklist=(
        "We have agreed a rhythm of check-ins between offsites.",
        "You have updated your action plan with progress and new dates.",
        "You have recorded wins and obstacles in a check-in.",
        "Your next offsite is in the calendar.",
    ),
)

CAREER_OFFSITE_MODEL: ModelSpec = ModelSpec(
    key="career-offsite-model",
    name="Career Offsite Model",
    summary=(
        "A light, repeating rhythm for steering your career: every few months you "
        "step away from daily work to look at yourself first and set a few goals "
        "second. It suits people who want their career steered rather than left "
        "to drift."
    ),
    who_for=(
        "People who want to take regular, deliberate care of their career, "
        "whether or not a big change is on the cards. It works as a self-guided "
        "ritual or with a coach facilitating, and suits busy people who need a "
        "simple structure they can repeat."
    ),
    problems_solved=(
        "It stops a career from running on autopilot for years by building in a "
        "regular pause for reflection. Because self-discovery comes before "
        "goal-setting, the goals you leave with reflect what you want now rather "
        "than what you wanted when you last looked. The default rhythm of three "
        "hours every three months to find three things for the next three months "
        "keeps it small enough to actually happen."
    ),
    stages=(
        _COM_RAPPORT,
        _COM_CURRENT_STATE,
        _COM_OFFSITE,
        _COM_RESOURCES,
        _COM_ACCOUNTABILITY,
    ),
)
